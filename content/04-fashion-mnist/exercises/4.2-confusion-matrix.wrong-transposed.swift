// Wrong: each sample counted at [predicted][actual], the transpose of the matrix
// The check says: confusionMatrix for the exercise's example
func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    for (p, t) in zip(predicted, actual) { counts[p][t] += 1 }
    return counts
}

func accuracy(confusion: [[Int]]) -> Float {
    let total = confusion.joined().reduce(0, +)
    let correct = confusion.indices.map { confusion[$0][$0] }.reduce(0, +)
    return total == 0 ? 0 : Float(correct) / Float(total)
}

func perClassAccuracy(confusion: [[Int]]) -> [Float] {
    confusion.indices.map { row in
        let total = confusion[row].reduce(0, +)
        return total == 0 ? 0 : Float(confusion[row][row]) / Float(total)
    }
}
