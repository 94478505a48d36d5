// Wrong: the loop returns at the first frozen parameter instead of skipping it, so the parameters after it never learn
// The check says: the trainable second parameter [3]
func sgdStep(_ weights: inout [[Float]], gradients: [[Float]], trainable: [Bool], learningRate: Float) {
    for p in weights.indices {
        guard trainable[p] else { return }
        for i in weights[p].indices {
            weights[p][i] -= learningRate * gradients[p][i]
        }
    }
}
