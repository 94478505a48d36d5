// Wrong: the mistakes are kept in row order instead of sorted by how sure the model was
// The check says: the surest first
func confidentMistakes(_ probabilities: [[Float]], labels: [Int], count: Int) -> [Int] {
    var mistakes: [(row: Int, probability: Float)] = []
    for (row, values) in probabilities.enumerated() {
        guard var best = values.indices.first else { continue }
        for index in values.indices where values[index] > values[best] { best = index }
        if best != labels[row] { mistakes.append((row, values[best])) }
    }
    return mistakes.prefix(max(0, count)).map(\.row)
}
