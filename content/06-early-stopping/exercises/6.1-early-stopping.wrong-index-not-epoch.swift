// Wrong: epochs reported as indices, counting from 0 instead of 1 as Keras prints them
// The check says: epochs count from 1
func earlyStopping(validationLosses: [Float], patience: Int, minDelta: Float = 0)
    -> (stopAfterEpoch: Int?, bestEpoch: Int) {
    var best: Float?
    var bestEpoch = 0
    var wait = 0
    for (index, loss) in validationLosses.enumerated() {
        let epoch = index
        if best == nil || loss < best! - minDelta {
            best = loss
            bestEpoch = epoch
            wait = 0
        } else {
            wait += 1
            if wait >= patience { return (epoch, bestEpoch) }
        }
    }
    return (nil, bestEpoch)
}
