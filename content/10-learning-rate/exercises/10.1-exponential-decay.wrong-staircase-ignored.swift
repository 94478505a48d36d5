// Wrong: staircase is ignored: the rate always decays smoothly
// The check says: no drop before step 100
import Foundation

func exponentialDecay(step: Int, initialLearningRate: Float, decaySteps: Int, decayRate: Float,
                      staircase: Bool = false) -> Float {
    var exponent = Float(step) / Float(decaySteps)
    _ = staircase
    return initialLearningRate * pow(decayRate, exponent)
}
