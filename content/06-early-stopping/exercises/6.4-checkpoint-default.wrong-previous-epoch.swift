// Wrong: an epoch counted as better when it beats the epoch before it, not the best so far
// The check says: epoch 4 beats epoch 3 but not the best so far
func epochInFile(validationLosses: [Float], saveBestOnly: Bool) -> Int {
    guard saveBestOnly else { return validationLosses.count }
    var best = 0
    for index in validationLosses.indices.dropFirst() where validationLosses[index] < validationLosses[index - 1] { best = index }
    return best + 1
}
