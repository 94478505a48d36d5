// Wrong: the weight moves with the old average, before the average takes in this gradient
// The check says: with the average just updated
func rmspropStep(_ weights: inout [Float], average: inout [Float], gradient: [Float],
                 learningRate: Float, rho: Float, epsilon: Float) {
    for i in weights.indices {
        weights[i] -= learningRate * gradient[i] / (average[i].squareRoot() + epsilon)
        average[i] = rho * average[i] + (1 - rho) * gradient[i] * gradient[i]
    }
}
