import Foundation

/// Exercise 10.3 · Reading a range test
///
/// A range test gives a rate and a loss for every batch. The raw losses are noisy, so smooth
/// them first, as the chapter does: a moving average keeping 98 % of the past,
///
///     average = 0.98 · average + 0.02 · loss        (average starts at 0)
///     smoothed[i] = average / (1 − 0.98^(i + 1))    (corrected for starting at 0)
///
/// Stop at the first loss that is not finite (`loss.isFinite` is false): training has blown
/// up. Then find where the smoothed loss is lowest: beyond that rate, a larger rate made the
/// loss worse. Return the rate there and the rate to suggest, half of it (핸즈온 머신러닝's rule).
///
/// Write both, then run `lesson check 10.3`.
func smoothedLosses(_ losses: [Double]) -> [Double] {
    // TODO: the corrected moving average of each loss, stopping at the first non-finite one.
    return losses
}

func suggestRate(rates: [Double], losses: [Double]) -> (lowest: Double, suggested: Double) {
    // TODO: smooth, find the index of the smallest smoothed loss, and answer with its rate.
    return (0, 0)
}
