// Wrong: trainable is ignored: every parameter takes the step, frozen ones too
// The check says: the frozen first parameter [1, 2]
func sgdStep(_ weights: inout [[Float]], gradients: [[Float]], trainable: [Bool], learningRate: Float) {
    for p in weights.indices {
        for i in weights[p].indices {
            weights[p][i] -= learningRate * gradients[p][i]
        }
    }
}
