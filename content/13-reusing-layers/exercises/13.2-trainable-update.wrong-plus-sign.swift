// Wrong: the step adds learningRate · gradient instead of subtracting it, climbing the loss
// The check says: 3 − 0.5 · 1
func sgdStep(_ weights: inout [[Float]], gradients: [[Float]], trainable: [Bool], learningRate: Float) {
    for p in weights.indices where trainable[p] {
        for i in weights[p].indices {
            weights[p][i] += learningRate * gradients[p][i]
        }
    }
}
