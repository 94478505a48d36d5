// Wrong: a loss equal to the best counts as better (<=), so a tie leaves the later epoch in the file
// The check says: a tie is no improvement
func epochInFile(validationLosses: [Float], saveBestOnly: Bool) -> Int {
    guard saveBestOnly else { return validationLosses.count }
    var best = 0
    for (index, loss) in validationLosses.enumerated() where loss <= validationLosses[best] { best = index }
    return best + 1
}
