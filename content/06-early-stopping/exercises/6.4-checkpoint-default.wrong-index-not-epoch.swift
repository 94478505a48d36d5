// Wrong: the best epoch's index returned, counting from 0
// The check says: the best epoch, counting from 1
func epochInFile(validationLosses: [Float], saveBestOnly: Bool) -> Int {
    guard saveBestOnly else { return validationLosses.count }
    var best = 0
    for (index, loss) in validationLosses.enumerated() where loss < validationLosses[best] { best = index }
    return best
}
