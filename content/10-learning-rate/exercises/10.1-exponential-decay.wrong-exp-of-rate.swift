// Wrong: the rate decays as e^(−decayRate · step / decaySteps), reading decayRate as a speed instead of the factor per decaySteps
// The check says: halved once
import Foundation

func exponentialDecay(step: Int, initialLearningRate: Float, decaySteps: Int, decayRate: Float,
                      staircase: Bool = false) -> Float {
    var exponent = Float(step) / Float(decaySteps)
    if staircase { exponent = exponent.rounded(.down) }
    return initialLearningRate * exp(-decayRate * exponent)
}
