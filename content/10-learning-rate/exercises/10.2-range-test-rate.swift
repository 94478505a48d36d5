import Foundation

/// Exercise 10.2 · The range test's rates
///
/// The learning-rate range test trains for one pass with a rate that starts tiny and grows by
/// the same factor every step, up to a huge one: from `from` at step 0 to `to` at step
/// `steps − 1`. On a log axis those rates lie on a straight line, an equal share of the way at
/// every step.
///
///     rangeTestRate(step: 0, steps: 3, from: 0.001, to: 10)   // 0.001
///     rangeTestRate(step: 1, steps: 3, from: 0.001, to: 10)   // 0.1 (halfway, on a log axis)
///     rangeTestRate(step: 2, steps: 3, from: 0.001, to: 10)   // 10
///
/// `pow(x, y)` computes x^y. Write it, then run `lesson check 10.2`.
func rangeTestRate(step: Int, steps: Int, from: Double, to: Double) -> Double {
    // TODO: what fraction of the way step is, then from · (to / from)^fraction.
    return from
}
