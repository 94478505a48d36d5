// Wrong: the slope as −w2 / w1, which is right only when w1 = w2 as for AND
// The check says: the slope for w1 = 2, w2 = −0.5, b = 1
func decisionLine(w1: Float, w2: Float, b: Float) -> (slope: Float, intercept: Float)? {
    guard w2 != 0 else { return nil }
    return (-w2 / w1, (0.5 - b) / w2)
}

func classify(x1: Float, x2: Float, w1: Float, w2: Float, b: Float) -> Int {
    w1 * x1 + w2 * x2 + b > 0.5 ? 1 : 0
}
