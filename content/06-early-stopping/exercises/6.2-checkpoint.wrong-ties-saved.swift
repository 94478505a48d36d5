// Wrong: an epoch that equals the best is saved too (<= instead of <)
// The check says: where epoch 5 only ties the best
func checkpointEpochs(values: [Float], mode: String) -> [Int] {
    var best: Float?
    var saved: [Int] = []
    for (index, value) in values.enumerated() {
        let better = best.map { mode == "max" ? value >= $0 : value <= $0 } ?? true
        if better {
            best = value
            saved.append(index + 1)
        }
    }
    return saved
}
