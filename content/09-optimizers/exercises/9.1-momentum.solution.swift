func momentumStep(_ weights: inout [Float], velocity: inout [Float], gradient: [Float],
                  learningRate: Float, momentum: Float, nesterov: Bool) {
    for i in weights.indices {
        velocity[i] = momentum * velocity[i] - learningRate * gradient[i]
        if nesterov {
            weights[i] += momentum * velocity[i] - learningRate * gradient[i]
        } else {
            weights[i] += velocity[i]
        }
    }
}
