// Wrong: the factor is multiplied by the number of layers instead of raised to its power: 0.25 · w · n
// The check says: 0.25⁶, the chapter's six layers
import Foundation

func sigmoidDerivative(_ z: Float) -> Float {
    let s = 1 / (1 + expf(-z))
    return s * (1 - s)
}

func gradientScale(layers: Int, weight: Float) -> Float {
    0.25 * weight * Float(layers)
}
