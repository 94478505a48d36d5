// Wrong: the new squared gradient is added whole instead of weighted by 1 − rho
// The check says: 0.9 · 0 + 0.1 · 2²
func rmspropStep(_ weights: inout [Float], average: inout [Float], gradient: [Float],
                 learningRate: Float, rho: Float, epsilon: Float) {
    for i in weights.indices {
        average[i] = rho * average[i] + gradient[i] * gradient[i]
        weights[i] -= learningRate * gradient[i] / (average[i].squareRoot() + epsilon)
    }
}
