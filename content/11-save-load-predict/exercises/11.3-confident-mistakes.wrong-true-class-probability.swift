// Wrong: the mistakes are ranked by how unlikely the true class was, not by the probability of the predicted class
// The check says: not the true class's
func confidentMistakes(_ probabilities: [[Float]], labels: [Int], count: Int) -> [Int] {
    var mistakes: [(row: Int, probability: Float)] = []
    for (row, values) in probabilities.enumerated() {
        guard var best = values.indices.first else { continue }
        for index in values.indices where values[index] > values[best] { best = index }
        if best != labels[row] { mistakes.append((row, values[labels[row]])) }
    }
    mistakes.sort { $0.probability < $1.probability || ($0.probability == $1.probability && $0.row < $1.row) }
    return mistakes.prefix(max(0, count)).map(\.row)
}
