// Wrong: accuracy as the mean of the classes' accuracies, right only when every class has as many samples
// The check says: classes of different sizes
func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    for (p, t) in zip(predicted, actual) { counts[t][p] += 1 }
    return counts
}

func accuracy(confusion: [[Int]]) -> Float {
    let perClass = perClassAccuracy(confusion: confusion)
    return perClass.isEmpty ? 0 : perClass.reduce(0, +) / Float(perClass.count)
}

func perClassAccuracy(confusion: [[Int]]) -> [Float] {
    confusion.indices.map { row in
        let total = confusion[row].reduce(0, +)
        return total == 0 ? 0 : Float(confusion[row][row]) / Float(total)
    }
}
