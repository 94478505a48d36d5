// Wrong: any lower loss counts as an improvement, however small, ignoring minDelta
// The check says: improving by less than minDelta is no improvement
func earlyStopping(validationLosses: [Float], patience: Int, minDelta: Float = 0)
    -> (stopAfterEpoch: Int?, bestEpoch: Int) {
    var best: Float?
    var bestEpoch = 0
    var wait = 0
    for (index, loss) in validationLosses.enumerated() {
        let epoch = index + 1
        if best == nil || loss < best! {
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
