import Foundation

func exponentialDecay(step: Int, initialLearningRate: Float, decaySteps: Int, decayRate: Float,
                      staircase: Bool = false) -> Float {
    var exponent = Float(step) / Float(decaySteps)
    if staircase { exponent = exponent.rounded(.down) }
    return initialLearningRate * pow(decayRate, exponent)
}
