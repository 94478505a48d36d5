/// Exercise 6.1 · When to stop (reference solution)
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
            if wait >= patience { return (epoch, bestEpoch) }
        }
    }
    return (nil, bestEpoch)
}
