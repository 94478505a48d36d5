// Wrong: classify with >= 0.5, so a point exactly on the line counts as 1
// The check says: a point exactly on AND's line
func decisionLine(w1: Float, w2: Float, b: Float) -> (slope: Float, intercept: Float)? {
    guard w2 != 0 else { return nil }
    return (-w1 / w2, (0.5 - b) / w2)
}

func classify(x1: Float, x2: Float, w1: Float, w2: Float, b: Float) -> Int {
    w1 * x1 + w2 * x2 + b >= 0.5 ? 1 : 0
}
