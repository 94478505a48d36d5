// Wrong: the velocity sums raw gradients (PyTorch's form, velocity = momentum · velocity + gradient) instead of Keras's −learningRate · gradient
// The check says: the velocity after one step from 0
func momentumStep(_ weights: inout [Float], velocity: inout [Float], gradient: [Float],
                  learningRate: Float, momentum: Float, nesterov: Bool) {
    for i in weights.indices {
        velocity[i] = momentum * velocity[i] + gradient[i]
        if nesterov {
            weights[i] -= learningRate * (gradient[i] + momentum * velocity[i])
        } else {
            weights[i] -= learningRate * velocity[i]
        }
    }
}
