// Wrong: the count of epochs without improvement never set back to 0 when an epoch improves
// The check says: every improvement sets the count back to 0
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
        } else {
            wait += 1
            if wait >= patience { return (epoch, bestEpoch) }
        }
    }
    return (nil, bestEpoch)
}
