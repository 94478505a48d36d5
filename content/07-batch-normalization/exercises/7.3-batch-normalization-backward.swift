/// Exercise 7.3 · Batch normalization, backward
///
/// Chapter 7's point is that batch normalization keeps the gradient alive through deep
/// networks. Here is where that gradient comes from. In training, for one feature (one column)
/// over a batch of N samples,
///
///     x̂ = (x − mean) / σ,   σ = sqrt(variance + ε),   y = γ · x̂ + β
///
/// and every x̂ depends on every x of the batch through the mean and the variance. Given the
/// gradient of the loss with respect to each output, g = ∂L/∂y, the gradients are
///
///     ∂L/∂β = Σ g              ∂L/∂γ = Σ g · x̂          (sums over the batch)
///     ∂L/∂x = γ / (N · σ) · (N · g − Σ g − x̂ · Σ g · x̂)
///
/// `x` and `outputGradient` are batches as rows of features: x[sample][feature]. The variance
/// divides by N, as in exercise 7.1. Write the function, then run `lesson check 7.3`.
func batchNormalizationBackward(_ x: [[Float]], outputGradient: [[Float]], gamma: [Float], epsilon: Float)
    -> (inputGradient: [[Float]], gammaGradient: [Float], betaGradient: [Float]) {
    // TODO: per column: the mean, σ and x̂ as in the forward pass; then Σ g and Σ g · x̂;
    // then the three gradients above.
    return (x, [], [])
}
