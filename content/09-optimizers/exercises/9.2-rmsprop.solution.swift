func rmspropStep(_ weights: inout [Float], average: inout [Float], gradient: [Float],
                 learningRate: Float, rho: Float, epsilon: Float) {
    for i in weights.indices {
        average[i] = rho * average[i] + (1 - rho) * gradient[i] * gradient[i]
        weights[i] -= learningRate * gradient[i] / (average[i] + epsilon).squareRoot()
    }
}
