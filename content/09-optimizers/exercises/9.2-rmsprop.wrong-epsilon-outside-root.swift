// Wrong: epsilon is added after the square root (as Adam does), not inside it as RMSprop in Keras 3
// The check says: epsilon inside the root
func rmspropStep(_ weights: inout [Float], average: inout [Float], gradient: [Float],
                 learningRate: Float, rho: Float, epsilon: Float) {
    for i in weights.indices {
        average[i] = rho * average[i] + (1 - rho) * gradient[i] * gradient[i]
        weights[i] -= learningRate * gradient[i] / (average[i].squareRoot() + epsilon)
    }
}
