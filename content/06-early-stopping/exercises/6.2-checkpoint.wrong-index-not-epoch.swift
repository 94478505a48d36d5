// Wrong: the saved epochs reported as indices, counting from 0
// The check says: epochs count from 1
func checkpointEpochs(values: [Float], mode: String) -> [Int] {
    var best: Float?
    var saved: [Int] = []
    for (index, value) in values.enumerated() {
        let better = best.map { mode == "max" ? value > $0 : value < $0 } ?? true
        if better {
            best = value
            saved.append(index)
        }
    }
    return saved
}
