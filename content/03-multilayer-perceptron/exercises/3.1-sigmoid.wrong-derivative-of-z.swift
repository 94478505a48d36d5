// Wrong: σ′ as z · (1 − z), the formula applied to z instead of to σ(z)
// The check says: sigmoidDerivative(0.0)
import Foundation

func sigmoid(_ z: Float) -> Float {
    1 / (1 + exp(-z))
}

func sigmoidDerivative(_ z: Float) -> Float {
    z * (1 - z)
}
