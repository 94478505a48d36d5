import Foundation

/// Exercise 10.1 · Exponential decay
///
/// A schedule gives the learning rate for each optimizer step. Keras's `ExponentialDecay`
/// multiplies the rate by `decayRate` every `decaySteps` steps, smoothly in between:
///
///     rate = initialLearningRate · decayRate^(step / decaySteps)
///
/// With `staircase` the exponent is rounded down, so the rate drops in jumps, once every
/// `decaySteps` steps. `step` counts the steps taken before this one (0 for the first).
/// `pow(x, y)` computes x^y.
///
///     exponentialDecay(step: 100, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5)  // 0.05
///
/// Write it, then run `lesson check 10.1`.
func exponentialDecay(step: Int, initialLearningRate: Float, decaySteps: Int, decayRate: Float,
                      staircase: Bool = false) -> Float {
    // TODO: the exponent, rounded down with staircase, then the rate.
    return initialLearningRate
}
