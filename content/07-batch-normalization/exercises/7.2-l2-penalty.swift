/// Exercise 7.2 · The L2 penalty and its gradient
///
/// L2 regularization ("weight decay") adds a price for large weights to the loss:
///
///     penalty = factor · Σ w²
///
/// Training then minimizes loss + penalty. Each weight's gradient gains the penalty's
/// derivative, 2 · factor · w, a pull towards zero proportional to the weight itself: big
/// weights shrink fastest. Keras's `regularizers.l2(0.001)` is exactly this, and the loss it
/// reports during training includes the penalty.
///
///     l2Penalty([1, -2, 3], factor: 0.1)   →  1.4        (0.1 · (1 + 4 + 9))
///     l2Gradient([1, -2, 3], factor: 0.1)  →  [0.2, -0.4, 0.6]
///
/// Write both, then run `lesson check 7.2`.
func l2Penalty(_ weights: [Float], factor: Float) -> Float {
    // TODO: factor times the sum of the squared weights.
    return 0
}

func l2Gradient(_ weights: [Float], factor: Float) -> [Float] {
    // TODO: 2 · factor · w for every weight.
    return weights.map { _ in 0 }
}
