// Wrong: the weight is left out: 0.25ⁿ, as if every weight were 1
// The check says: one layer, 0.25 · 4
import Foundation

func sigmoidDerivative(_ z: Float) -> Float {
    let s = 1 / (1 + expf(-z))
    return s * (1 - s)
}

func gradientScale(layers: Int, weight: Float) -> Float {
    powf(0.25, Float(layers))
}
