/// Exercise 9.4 · How big is Adam's first step?
///
/// Work it out by hand first. Before the first step m = 0 and v = 0; one gradient g arrives.
/// Then m = (1 − beta1) · g and v = (1 − beta2) · g².
///
/// - With bias correction (what Adam does, in Keras's form of exercise 9.3 with t = 1), the
///   rate is learningRate · √(1 − beta2) / (1 − beta1) and the step is rate · m / (√v + epsilon).
/// - Without it, the step would be learningRate · m / (√v + epsilon).
///
/// Return the size (the absolute value) of the first step each way. Then look at what you
/// found: does it depend on how large g is? How many times learningRate is the uncorrected step
/// with Keras's defaults (beta1 0.9, beta2 0.999)? That is why chapters 4 to 8 could use Adam
/// with its default rate on every network: its first steps are about learningRate in size,
/// whatever the scale of the gradients.
///
///     firstAdamStep(gradient: 2, learningRate: 0.001)   // corrected ≈ 0.001, uncorrected ≈ 0.00316
///
/// Write it, then run `lesson check 9.4`.
func firstAdamStep(gradient: Float, learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
                   epsilon: Float = 1e-7) -> (corrected: Float, uncorrected: Float) {
    // TODO: m and v after one step, then both step sizes.
    return (0, 0)
}
