// Wrong: the penalty is the textbook's ½ · factor · Σ w² (with gradient factor · w), not Keras's factor · Σ w²
// The check says: squares and no ½
func l2Penalty(_ weights: [Float], factor: Float) -> Float {
    factor * weights.reduce(0) { $0 + $1 * $1 } / 2
}

func l2Gradient(_ weights: [Float], factor: Float) -> [Float] {
    weights.map { factor * $0 }
}
