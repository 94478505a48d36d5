/// Exercise 7.2 · The L2 penalty and its gradient (reference solution)
func l2Penalty(_ weights: [Float], factor: Float) -> Float {
    factor * weights.reduce(0) { $0 + $1 * $1 }
}

func l2Gradient(_ weights: [Float], factor: Float) -> [Float] {
    weights.map { 2 * factor * $0 }
}
