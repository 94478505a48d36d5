// Wrong: each epoch compared with the one before it instead of with the best so far
// The check says: beats epoch 3 but not the best so far
func checkpointEpochs(values: [Float], mode: String) -> [Int] {
    var saved: [Int] = []
    for (index, value) in values.enumerated() {
        let better = index == 0 || (mode == "max" ? value > values[index - 1] : value < values[index - 1])
        if better { saved.append(index + 1) }
    }
    return saved
}
