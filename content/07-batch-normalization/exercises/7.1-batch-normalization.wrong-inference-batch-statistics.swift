// Wrong: inference normalizes with the statistics of the batch it is given instead of the moving ones
// The check says: the moving statistics, not the batch's
func batchNormalizationTraining(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (output: [[Float]], mean: [Float], variance: [Float]) {
    let n = Float(x.count)
    let features = gamma.count
    var mean = [Float](repeating: 0, count: features)
    var variance = [Float](repeating: 0, count: features)
    for row in x { for j in 0 ..< features { mean[j] += row[j] / n } }
    for row in x { for j in 0 ..< features { variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n } }
    let output = x.map { row in
        (0 ..< features).map { j in gamma[j] * (row[j] - mean[j]) / (variance[j] + epsilon).squareRoot() + beta[j] }
    }
    return (output, mean, variance)
}

func batchNormalizationInference(_ x: [[Float]], gamma: [Float], beta: [Float],
                                 movingMean: [Float], movingVariance: [Float], epsilon: Float) -> [[Float]] {
    batchNormalizationTraining(x, gamma: gamma, beta: beta, epsilon: epsilon).output
}

func updatedMovingAverage(_ moving: [Float], batch: [Float], momentum: Float) -> [Float] {
    zip(moving, batch).map { $0 * momentum + $1 * (1 - momentum) }
}
