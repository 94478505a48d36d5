// Wrong: the weight moves by the old velocity, before the velocity takes in this step's gradient
// The check says: the weight after that step, from 1
func momentumStep(_ weights: inout [Float], velocity: inout [Float], gradient: [Float],
                  learningRate: Float, momentum: Float, nesterov: Bool) {
    for i in weights.indices {
        if nesterov {
            weights[i] += momentum * velocity[i] - learningRate * gradient[i]
        } else {
            weights[i] += velocity[i]
        }
        velocity[i] = momentum * velocity[i] - learningRate * gradient[i]
    }
}
