import Foundation

/// Exercise 7.4 · Why six sigmoid layers hardly learn (reference solution)
func sigmoidDerivative(_ z: Float) -> Float {
    let s = 1 / (1 + expf(-z))
    return s * (1 - s)
}

func gradientScale(layers: Int, weight: Float) -> Float {
    powf(0.25 * weight, Float(layers))
}
