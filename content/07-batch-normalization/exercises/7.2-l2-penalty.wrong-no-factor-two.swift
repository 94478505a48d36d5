// Wrong: the gradient leaves out the 2 that comes down from w², factor · w
// The check says: the penalty's slope 2 · 0.1 · w
func l2Penalty(_ weights: [Float], factor: Float) -> Float {
    factor * weights.reduce(0) { $0 + $1 * $1 }
}

func l2Gradient(_ weights: [Float], factor: Float) -> [Float] {
    weights.map { factor * $0 }
}
