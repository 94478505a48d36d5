// Wrong: the exponent divides Int by Int, step / decaySteps, which rounds down even without staircase
// The check says: halfway, 0.1 · 0.5^0.5
import Foundation

func exponentialDecay(step: Int, initialLearningRate: Float, decaySteps: Int, decayRate: Float,
                      staircase: Bool = false) -> Float {
    var exponent = Float(step / decaySteps)
    if staircase { exponent = exponent.rounded(.down) }
    return initialLearningRate * pow(decayRate, exponent)
}
