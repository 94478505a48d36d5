/// Exercise 7.1 · Batch normalization, forward
///
/// For each feature (column) of a batch, batch normalization subtracts the batch's mean and
/// divides by its standard deviation, then lets the network choose a new scale γ and shift β:
///
///     training:   x̂ = (x − mean_batch) / sqrt(variance_batch + ε),   y = γ · x̂ + β
///     inference:  the same with the moving mean and moving variance instead
///
/// The variance divides by the batch size (not one less), as Keras does. After each training
/// batch the moving statistics follow the batch's, with Keras's meaning of momentum:
///
///     moving ← moving · momentum + batch · (1 − momentum)
///
/// `x` is a batch as rows of features: x[sample][feature]. Write the three functions, then run
/// `lesson check 7.1`.
func batchNormalizationTraining(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (output: [[Float]], mean: [Float], variance: [Float]) {
    // TODO: per column: the mean, the variance, then γ · (x − mean) / sqrt(variance + ε) + β.
    return (x, [], [])
}

func batchNormalizationInference(_ x: [[Float]], gamma: [Float], beta: [Float],
                                 movingMean: [Float], movingVariance: [Float], epsilon: Float) -> [[Float]] {
    // TODO: the same formula with the moving statistics.
    return x
}

func updatedMovingAverage(_ moving: [Float], batch: [Float], momentum: Float) -> [Float] {
    // TODO: moving · momentum + batch · (1 − momentum), element by element.
    return moving
}
