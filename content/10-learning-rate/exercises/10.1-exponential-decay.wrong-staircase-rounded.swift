// Wrong: with staircase the exponent is rounded to the nearest whole number instead of down
// The check says: rounded down, not to the nearest
import Foundation

func exponentialDecay(step: Int, initialLearningRate: Float, decaySteps: Int, decayRate: Float,
                      staircase: Bool = false) -> Float {
    var exponent = Float(step) / Float(decaySteps)
    if staircase { exponent = exponent.rounded() }
    return initialLearningRate * pow(decayRate, exponent)
}
