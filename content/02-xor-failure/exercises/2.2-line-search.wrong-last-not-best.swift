// Wrong: the count of the last line tried is returned, not the largest count
// The check says: labelled as OR [0, 1, 1, 1], values [-1.0, -0.5, 0.0, 0.5, 1.0]
func mostPointsOneLineGetsRight(points: [(x1: Float, x2: Float)], labels: [Float],
                                values: [Float]) -> Int {
    var count = 0
    for w1 in values {
        for w2 in values {
            for b in values {
                count = zip(points, labels).filter { point, label in
                    (w1 * point.x1 + w2 * point.x2 + b > 0 ? 1 : 0) == label
                }.count
            }
        }
    }
    return count
}
