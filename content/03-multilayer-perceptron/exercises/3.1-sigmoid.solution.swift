import Foundation

/// Exercise 3.1 · Sigmoid and its derivative (reference solution)
func sigmoid(_ z: Float) -> Float {
    1 / (1 + exp(-z))
}

func sigmoidDerivative(_ z: Float) -> Float {
    let s = sigmoid(z)
    return s * (1 - s)
}
