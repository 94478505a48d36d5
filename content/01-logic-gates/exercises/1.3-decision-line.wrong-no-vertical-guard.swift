// Wrong: no nil for w2 = 0, so the vertical line comes back as a division by zero
// The check says: nil (a vertical line, x1 = 0.5)
func decisionLine(w1: Float, w2: Float, b: Float) -> (slope: Float, intercept: Float)? {
    (-w1 / w2, (0.5 - b) / w2)
}

func classify(x1: Float, x2: Float, w1: Float, w2: Float, b: Float) -> Int {
    w1 * x1 + w2 * x2 + b > 0.5 ? 1 : 0
}
