// Wrong: the mean and variance are taken over each sample's features (a row) instead of over the batch for each feature (a column)
// The check says: per feature (column)
func batchNormalizationTraining(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (output: [[Float]], mean: [Float], variance: [Float]) {
    let n = Float(x.count)
    let features = gamma.count
    _ = n
    let mean = x.map { row in row.reduce(0, +) / Float(features) }
    let variance = x.indices.map { i in x[i].map { ($0 - mean[i]) * ($0 - mean[i]) }.reduce(0, +) / Float(features) }
    let output = x.indices.map { i in
        (0 ..< features).map { j in gamma[j] * (x[i][j] - mean[i]) / (variance[i] + epsilon).squareRoot() + beta[j] }
    }
    return (output, mean, variance)
}

func batchNormalizationInference(_ x: [[Float]], gamma: [Float], beta: [Float],
                                 movingMean: [Float], movingVariance: [Float], epsilon: Float) -> [[Float]] {
    x.map { row in
        (0 ..< gamma.count).map { j in
            gamma[j] * (row[j] - movingMean[j]) / (movingVariance[j] + epsilon).squareRoot() + beta[j]
        }
    }
}

func updatedMovingAverage(_ moving: [Float], batch: [Float], momentum: Float) -> [Float] {
    zip(moving, batch).map { $0 * momentum + $1 * (1 - momentum) }
}
