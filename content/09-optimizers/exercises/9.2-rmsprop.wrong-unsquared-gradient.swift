// Wrong: the average is of the gradients themselves, not of their squares
// The check says: 0.9 · 0 + 0.1 · 2²
func rmspropStep(_ weights: inout [Float], average: inout [Float], gradient: [Float],
                 learningRate: Float, rho: Float, epsilon: Float) {
    for i in weights.indices {
        average[i] = rho * average[i] + (1 - rho) * gradient[i]
        weights[i] -= learningRate * gradient[i] / (average[i].squareRoot() + epsilon)
    }
}
