// Wrong: σ written as e^z / (1 + e^z), the same on paper but infinity / infinity, NaN, for large z
// The check says: sigmoid(200), where e^200 overflows
import Foundation

func sigmoid(_ z: Float) -> Float {
    exp(z) / (1 + exp(z))
}

func sigmoidDerivative(_ z: Float) -> Float {
    let s = sigmoid(z)
    return s * (1 - s)
}
