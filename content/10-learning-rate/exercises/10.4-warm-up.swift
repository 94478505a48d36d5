/// Exercise 10.4 · Warm-up for a big batch
///
/// A large batch takes few, confident steps, and a large rate on the first of them (while the
/// weights are still random) can throw training off for good. Warm-up starts with a small rate
/// and raises it in a straight line to the target over the first `warmupSteps` steps; after
/// that the rate stays at the target.
///
/// `step` counts the steps taken before this one (0 for the first, which should already use a
/// small rate, not 0: a step at rate 0 is wasted).
///
///     warmUpRate(step: 0, warmupSteps: 4, target: 0.1)   // 0.025
///     warmUpRate(step: 3, warmupSteps: 4, target: 0.1)   // 0.1
///     warmUpRate(step: 9, warmupSteps: 4, target: 0.1)   // 0.1
///
/// Write it, then run `lesson check 10.4`.
func warmUpRate(step: Int, warmupSteps: Int, target: Float) -> Float {
    // TODO: a straight line up to the target, then the target.
    return target
}
