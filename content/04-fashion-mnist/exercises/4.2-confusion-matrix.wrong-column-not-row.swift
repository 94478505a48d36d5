// Wrong: a class's accuracy as its diagonal cell over its column (what was called that class) instead of its row
// The check says: perClassAccuracy(confusion: [[8, 2], [1, 9]])[0]
func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    for (p, t) in zip(predicted, actual) { counts[t][p] += 1 }
    return counts
}

func accuracy(confusion: [[Int]]) -> Float {
    let total = confusion.joined().reduce(0, +)
    let correct = confusion.indices.map { confusion[$0][$0] }.reduce(0, +)
    return total == 0 ? 0 : Float(correct) / Float(total)
}

func perClassAccuracy(confusion: [[Int]]) -> [Float] {
    confusion.indices.map { column in
        let total = confusion.map { $0[column] }.reduce(0, +)
        return total == 0 ? 0 : Float(confusion[column][column]) / Float(total)
    }
}
