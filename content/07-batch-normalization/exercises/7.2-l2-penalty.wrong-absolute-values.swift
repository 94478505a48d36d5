// Wrong: the penalty sums the weights' sizes |w| (that is L1) instead of their squares
// The check says: squares and no ½
func l2Penalty(_ weights: [Float], factor: Float) -> Float {
    factor * weights.reduce(0) { $0 + abs($1) }
}

func l2Gradient(_ weights: [Float], factor: Float) -> [Float] {
    weights.map { 2 * factor * $0 }
}
