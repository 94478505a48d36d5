// Wrong: the old velocity is kept whole instead of fading by the factor momentum
// The check says: the velocity after a second step
func momentumStep(_ weights: inout [Float], velocity: inout [Float], gradient: [Float],
                  learningRate: Float, momentum: Float, nesterov: Bool) {
    for i in weights.indices {
        velocity[i] = velocity[i] - learningRate * gradient[i]
        if nesterov {
            weights[i] += momentum * velocity[i] - learningRate * gradient[i]
        } else {
            weights[i] += velocity[i]
        }
    }
}
