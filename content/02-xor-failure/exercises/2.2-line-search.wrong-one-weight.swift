// Wrong: one loop for both weights (w2 = w1), so only lines symmetric in x1 and x2 are tried
// The check says: which needs w1 and w2 to differ
func mostPointsOneLineGetsRight(points: [(x1: Float, x2: Float)], labels: [Float],
                                values: [Float]) -> Int {
    var best = 0
    for w in values {
        for b in values {
            let correct = zip(points, labels).filter { point, label in
                (w * point.x1 + w * point.x2 + b > 0 ? 1 : 0) == label
            }.count
            best = max(best, correct)
        }
    }
    return best
}
