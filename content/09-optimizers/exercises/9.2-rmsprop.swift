/// Exercise 9.2 · RMSprop: a rate for each weight
///
/// RMSprop keeps, for every weight, a running average of its squared gradients, and divides
/// the step by its square root: a weight whose gradients are large takes smaller steps, one
/// whose gradients are small takes larger ones. Keras 3's rule:
///
///     average = rho · average + (1 − rho) · gradient²
///     weight  = weight − learningRate · gradient / √(average + epsilon)
///
/// (epsilon, 1e-7 by default, sits inside the root, as in Keras 3: it keeps the division safe
/// when the average is 0, and damps the steps of weights whose gradients are tiny.)
///
///     var w: [Float] = [1], a: [Float] = [0]
///     rmspropStep(&w, average: &a, gradient: [2], learningRate: 0.01, rho: 0.9, epsilon: 1e-7)
///     // a == [0.4], w ≈ [0.96838]
///
/// Write it, then run `lesson check 9.2`.
func rmspropStep(_ weights: inout [Float], average: inout [Float], gradient: [Float],
                 learningRate: Float, rho: Float, epsilon: Float) {
    // TODO: update average[i], then weights[i], for every i.
}
