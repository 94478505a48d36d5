// Wrong: nesterov is ignored: every step is plain momentum
// The check says: Nesterov's first step from 1
func momentumStep(_ weights: inout [Float], velocity: inout [Float], gradient: [Float],
                  learningRate: Float, momentum: Float, nesterov: Bool) {
    for i in weights.indices {
        velocity[i] = momentum * velocity[i] - learningRate * gradient[i]
        weights[i] += velocity[i]
    }
}
