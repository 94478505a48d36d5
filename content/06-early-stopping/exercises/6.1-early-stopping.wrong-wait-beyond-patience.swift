// Wrong: training stops when the count goes past patience (wait > patience), one epoch late
// The check says: bring the count to 3, the patience
func earlyStopping(validationLosses: [Float], patience: Int, minDelta: Float = 0)
    -> (stopAfterEpoch: Int?, bestEpoch: Int) {
    var best: Float?
    var bestEpoch = 0
    var wait = 0
    for (index, loss) in validationLosses.enumerated() {
        let epoch = index + 1
        if best == nil || loss < best! - minDelta {
            best = loss
            bestEpoch = epoch
            wait = 0
        } else {
            wait += 1
            if wait > patience { return (epoch, bestEpoch) }
        }
    }
    return (nil, bestEpoch)
}
