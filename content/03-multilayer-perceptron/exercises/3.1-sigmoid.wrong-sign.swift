// Wrong: e^z where the formula has e^(−z), which mirrors the curve: σ(2) comes out as σ(−2)
// The check says: sigmoid(2.0)
import Foundation

func sigmoid(_ z: Float) -> Float {
    1 / (1 + exp(z))
}

func sigmoidDerivative(_ z: Float) -> Float {
    let s = sigmoid(z)
    return s * (1 - s)
}
