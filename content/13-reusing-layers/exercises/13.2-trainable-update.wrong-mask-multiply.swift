// Wrong: frozen parameters are "updated" with their gradient times 0, but nan · 0 is nan
// The check says: whose gradient is [nan, inf]
func sgdStep(_ weights: inout [[Float]], gradients: [[Float]], trainable: [Bool], learningRate: Float) {
    for p in weights.indices {
        let mask: Float = trainable[p] ? 1 : 0
        for i in weights[p].indices {
            weights[p][i] -= learningRate * gradients[p][i] * mask
        }
    }
}
