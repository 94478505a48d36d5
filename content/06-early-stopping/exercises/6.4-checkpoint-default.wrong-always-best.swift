// Wrong: the best epoch whatever saveBestOnly says, as the file's name suggests, though Keras's default saves every epoch
// The check says: Keras's default
func epochInFile(validationLosses: [Float], saveBestOnly: Bool) -> Int {
    var best = 0
    for (index, loss) in validationLosses.enumerated() where loss < validationLosses[best] { best = index }
    return best + 1
}
