/// Exercise 2.2 · No line separates XOR: a search (reference solution)
func mostPointsOneLineGetsRight(points: [(x1: Float, x2: Float)], labels: [Float],
                                values: [Float]) -> Int {
    var best = 0
    for w1 in values {
        for w2 in values {
            for b in values {
                let correct = zip(points, labels).filter { point, label in
                    (w1 * point.x1 + w2 * point.x2 + b > 0 ? 1 : 0) == label
                }.count
                best = max(best, correct)
            }
        }
    }
    return best
}
