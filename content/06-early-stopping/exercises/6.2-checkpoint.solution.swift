/// Exercise 6.2 · What a best-only checkpoint saves (reference solution)
func checkpointEpochs(values: [Float], mode: String) -> [Int] {
    var best: Float?
    var saved: [Int] = []
    for (index, value) in values.enumerated() {
        let better = best.map { mode == "max" ? value > $0 : value < $0 } ?? true
        if better {
            best = value
            saved.append(index + 1)
        }
    }
    return saved
}
