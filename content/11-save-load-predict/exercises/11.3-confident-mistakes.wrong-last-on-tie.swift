// Wrong: the prediction takes the last of equal probabilities (>= for >), not the first
// The check says: a tie predicts the first class
func confidentMistakes(_ probabilities: [[Float]], labels: [Int], count: Int) -> [Int] {
    var mistakes: [(row: Int, probability: Float)] = []
    for (row, values) in probabilities.enumerated() {
        guard var best = values.indices.first else { continue }
        for index in values.indices where values[index] >= values[best] { best = index }
        if best != labels[row] { mistakes.append((row, values[best])) }
    }
    mistakes.sort { $0.probability > $1.probability || ($0.probability == $1.probability && $0.row < $1.row) }
    return mistakes.prefix(max(0, count)).map(\.row)
}
