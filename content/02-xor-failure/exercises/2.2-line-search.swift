/// Exercise 2.2 · No line separates XOR: a search
///
/// A single neuron calls a point (x1, x2) class 1 when w1·x1 + w2·x2 + b > 0: every choice of
/// w1, w2 and b is a line, with class 1 on one side. Try every line whose w1, w2 and b are
/// taken from `values`, and return the most points any one of them gets right.
///
/// For AND some line gets all 4; for XOR none does, so the answer is 3. That is chapter 2's
/// claim, checked by brute force. (Chapter 2's text proves it for every line, not just these.)
///
///     mostPointsOneLineGetsRight(points: [(0,0), (0,1), (1,0), (1,1)],
///                                labels: [0, 1, 1, 0], values: [-1, -0.5, 0, 0.5, 1])  →  3
///
/// Write the function, then run `lesson check 2.2`.
func mostPointsOneLineGetsRight(points: [(x1: Float, x2: Float)], labels: [Float],
                                values: [Float]) -> Int {
    // TODO: three nested loops over w1, w2 and b in `values`; for each line count the points
    // it classifies correctly; return the largest count.
    return 0
}
