// Wrong: the gradient is given the minus sign of the pull towards zero, −2 · factor · w; the gradient is the slope, and the optimizer subtracts it
// The check says: the sign of w
func l2Penalty(_ weights: [Float], factor: Float) -> Float {
    factor * weights.reduce(0) { $0 + $1 * $1 }
}

func l2Gradient(_ weights: [Float], factor: Float) -> [Float] {
    weights.map { -2 * factor * $0 }
}
