/// Exercise 1.3 · The decision line
///
/// Chapter 1's neuron answers 1 where `w1·x1 + w2·x2 + b > 0.5`. The boundary,
/// `w1·x1 + w2·x2 + b = 0.5`, is a straight line: solved for x2 (when w2 is not 0),
///
///     x2 = slope · x1 + intercept
///
/// Write `decisionLine`, returning nil when w2 is 0 (the line is then vertical), and `classify`,
/// which says which side of the line a point is on (1 above 0.5, else 0). Then run
/// `lesson check 1.3`.
func decisionLine(w1: Float, w2: Float, b: Float) -> (slope: Float, intercept: Float)? {
    // TODO: solve w1·x1 + w2·x2 + b = 0.5 for x2.
    return (0, 0)
}

func classify(x1: Float, x2: Float, w1: Float, w2: Float, b: Float) -> Int {
    // TODO: 1 when w1·x1 + w2·x2 + b is above 0.5, else 0.
    return -1
}
