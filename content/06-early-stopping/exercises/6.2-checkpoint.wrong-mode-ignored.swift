// Wrong: lower always counts as better, whatever the mode, so an accuracy is watched as if it were a loss
// The check says: where higher is better
func checkpointEpochs(values: [Float], mode: String) -> [Int] {
    var best: Float?
    var saved: [Int] = []
    for (index, value) in values.enumerated() {
        let better = best.map { value < $0 } ?? true
        if better {
            best = value
            saved.append(index + 1)
        }
    }
    return saved
}
