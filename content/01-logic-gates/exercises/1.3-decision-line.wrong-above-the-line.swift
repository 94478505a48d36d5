// Wrong: classify asks whether the point lies above the line, which is the neuron's 1 only when w2 > 0
// The check says: where w2 < 0 puts the 1s below the line
func decisionLine(w1: Float, w2: Float, b: Float) -> (slope: Float, intercept: Float)? {
    guard w2 != 0 else { return nil }
    return (-w1 / w2, (0.5 - b) / w2)
}

func classify(x1: Float, x2: Float, w1: Float, w2: Float, b: Float) -> Int {
    guard let line = decisionLine(w1: w1, w2: w2, b: b) else { return w1 * x1 + b > 0.5 ? 1 : 0 }
    return x2 > line.slope * x1 + line.intercept ? 1 : 0
}
