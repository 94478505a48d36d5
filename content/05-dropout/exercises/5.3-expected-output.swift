import NNKit

/// Exercise 5.3 · Why kept units are scaled by 1 / (1 − rate)
///
/// At inference dropout does nothing, so the next layer must see, on average, the same numbers
/// in training as it will later. Dropping a fraction `rate` of the units removes that fraction of
/// their sum; scaling the kept ones by 1 / (1 − rate) gives it back. That is *inverted* dropout,
/// Keras's kind. The original paper did the opposite: no scaling in training, and every weight
/// multiplied by (1 − rate) at inference.
///
/// Write `averageTrainingOutput`: apply dropout to `inputs` `passes` times, each time with a new
/// mask (draw u from `generator.nextUnitFloat()` for every unit, keep it when u ≥ rate, scale kept
/// units by 1 / (1 − rate)), and return the average over the passes, unit by unit. Over many
/// passes it comes close to the inputs themselves. Then write `classicInference`, the paper's
/// inference-time output. Run `lesson check 5.3`.
func averageTrainingOutput(_ inputs: [Float], rate: Float, passes: Int, generator: inout RandomGenerator) -> [Float] {
    // TODO: the mean over `passes` dropout passes, unit by unit.
    return inputs.map { _ in 0 }
}

func classicInference(_ inputs: [Float], rate: Float) -> [Float] {
    // TODO: each input times (1 − rate).
    return inputs
}
