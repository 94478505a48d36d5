// Wrong: σ′ as e^(−z) / (1 + e^(−z)), with the square of the denominator left out
// The check says: sigmoidDerivative(0.0)
import Foundation

func sigmoid(_ z: Float) -> Float {
    1 / (1 + exp(-z))
}

func sigmoidDerivative(_ z: Float) -> Float {
    exp(-z) / (1 + exp(-z))
}
