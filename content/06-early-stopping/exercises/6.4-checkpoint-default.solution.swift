/// Exercise 6.4 · What the tutorial's best-model.h5 holds (reference solution)
func epochInFile(validationLosses: [Float], saveBestOnly: Bool) -> Int {
    guard saveBestOnly else { return validationLosses.count }
    var best = 0
    for (index, loss) in validationLosses.enumerated() where loss < validationLosses[best] { best = index }
    return best + 1
}
