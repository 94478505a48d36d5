// Wrong: only lines with b = 0, through the origin, are tried
// The check says: whose line needs a bias below 0
func mostPointsOneLineGetsRight(points: [(x1: Float, x2: Float)], labels: [Float],
                                values: [Float]) -> Int {
    var best = 0
    for w1 in values {
        for w2 in values {
            let correct = zip(points, labels).filter { point, label in
                (w1 * point.x1 + w2 * point.x2 > 0 ? 1 : 0) == label
            }.count
            best = max(best, correct)
        }
    }
    return best
}
