// Wrong: the variance divides by one less than the batch size (the sample variance), not by the batch size as Keras does
// The check says: divided by the batch size, 2
func batchNormalizationTraining(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (output: [[Float]], mean: [Float], variance: [Float]) {
    let n = Float(x.count)
    let features = gamma.count
    var mean = [Float](repeating: 0, count: features)
    var variance = [Float](repeating: 0, count: features)
    for row in x { for j in 0 ..< features { mean[j] += row[j] / n } }
    for row in x { for j in 0 ..< features { variance[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1) } }
    let output = x.map { row in
        (0 ..< features).map { j in gamma[j] * (row[j] - mean[j]) / (variance[j] + epsilon).squareRoot() + beta[j] }
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
