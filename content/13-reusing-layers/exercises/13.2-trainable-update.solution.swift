func sgdStep(_ weights: inout [[Float]], gradients: [[Float]], trainable: [Bool], learningRate: Float) {
    for p in weights.indices where trainable[p] {
        for i in weights[p].indices {
            weights[p][i] -= learningRate * gradients[p][i]
        }
    }
}
