// Wrong: a point on the line (sum exactly 0) counted as class 1, >= instead of >
// The check says: a sum of 0 is not above 0
func mostPointsOneLineGetsRight(points: [(x1: Float, x2: Float)], labels: [Float],
                                values: [Float]) -> Int {
    var best = 0
    for w1 in values {
        for w2 in values {
            for b in values {
                let correct = zip(points, labels).filter { point, label in
                    (w1 * point.x1 + w2 * point.x2 + b >= 0 ? 1 : 0) == label
                }.count
                best = max(best, correct)
            }
        }
    }
    return best
}
