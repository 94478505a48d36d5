// Wrong: ∂L/∂x leaves out the factor γ, as if the scale were 1
// The check says: γ [0.5, 1, 1.5, −2]
func batchNormalizationBackward(_ x: [[Float]], outputGradient: [[Float]], gamma: [Float], epsilon: Float)
    -> (inputGradient: [[Float]], gammaGradient: [Float], betaGradient: [Float]) {
    let n = Float(x.count)
    let features = x.first?.count ?? 0
    var inputGradient = x.map { row in row.map { _ in Float(0) } }
    var gammaGradient = [Float](repeating: 0, count: features)
    var betaGradient = [Float](repeating: 0, count: features)
    for c in 0 ..< features {
        let column = x.map { $0[c] }
        let g = outputGradient.map { $0[c] }
        let mean = column.reduce(0, +) / n
        let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
        let sigma = (variance + epsilon).squareRoot()
        let normalized = column.map { ($0 - mean) / sigma }
        let sumG = g.reduce(0, +)
        let sumGNormalized = zip(g, normalized).map(*).reduce(0, +)
        betaGradient[c] = sumG
        gammaGradient[c] = sumGNormalized
        for r in 0 ..< x.count {
            inputGradient[r][c] = 1 / (n * sigma) * (n * g[r] - sumG - normalized[r] * sumGNormalized)
        }
    }
    return (inputGradient, gammaGradient, betaGradient)
}
