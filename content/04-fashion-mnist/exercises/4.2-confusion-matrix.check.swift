import ExerciseKit

@main
enum ConfusionMatrixCheck: ExerciseCheck {
    static func run() throws {
        // The example from the exercise: 8 + 2 zeros, 1 + 9 ones.
        let actual = Array(repeating: 0, count: 10) + Array(repeating: 1, count: 10)
        let predicted = Array(repeating: 0, count: 8) + [1, 1] + [0] + Array(repeating: 1, count: 9)
        let small = confusionMatrix(predicted: predicted, actual: actual, classes: 2)
        ExerciseKit.expectEqual(small, [[8, 2], [1, 9]], given: "confusionMatrix for the exercise's example (10 zeros, 10 ones)")
        ExerciseKit.expectClose(accuracy(confusion: small), 0.85, given: "accuracy(confusion: [[8, 2], [1, 9]])")
        // Classes of different sizes: 4 right of 5 is 0.8, where the mean of the classes' own
        // accuracies, (3/4 + 1/1) / 2 = 0.875, would count the lone sample of class 1 as much as four.
        ExerciseKit.expectClose(accuracy(confusion: [[3, 1], [0, 1]]), 0.8,
                                given: "accuracy(confusion: [[3, 1], [0, 1]]), classes of different sizes: right answers over all samples")
        let perClass = perClassAccuracy(confusion: small)
        ExerciseKit.expectEqual(perClass.count, 2, given: "perClassAccuracy(confusion: [[8, 2], [1, 9]]).count")
        ExerciseKit.expectClose(perClass[0], 0.8, given: "perClassAccuracy(confusion: [[8, 2], [1, 9]])[0]")
        ExerciseKit.expectClose(perClass[1], 0.9, given: "perClassAccuracy(confusion: [[8, 2], [1, 9]])[1]")

        // A class that never occurs has an empty row: its accuracy is 0, not NaN.
        let sparse = confusionMatrix(predicted: [0, 2, 2], actual: [0, 2, 0], classes: 3)
        ExerciseKit.expectEqual(sparse, [[1, 0, 1], [0, 0, 0], [0, 0, 1]], given: "confusionMatrix(predicted: [0, 2, 2], actual: [0, 2, 0], classes: 3)")
        ExerciseKit.expectEqual(perClassAccuracy(confusion: sparse), [0.5, 0, 1], given: "perClassAccuracy for [[1, 0, 1], [0, 0, 0], [0, 0, 1]], where class 1 never occurs")

        // On 1,000 random answers, your accuracy equals NNKit's metric.
        var generator = RandomGenerator(seed: 8)
        let labels = (0 ..< 1000).map { _ in Int(generator.nextBelow(10)) }
        let probabilities = Matrix(rows: 1000, columns: 10, scalars: (0 ..< 10_000).map { _ in generator.nextUnitFloat() })
        let guesses = probabilities.argmaxPerRow()
        let confusion = confusionMatrix(predicted: guesses, actual: labels, classes: 10)
        ExerciseKit.expectEqual(confusion.joined().reduce(0, +), 1000, given: "the sum of every cell for 1,000 samples")
        let nnkit = Float(Metric.accuracy.correctCount(predictions: probabilities, targets: Matrix(column: labels.map(Float.init)))) / 1000
        ExerciseKit.expectClose(accuracy(confusion: confusion), nnkit, given: "accuracy of 1,000 random guesses, beside NNKit's metric")
    }
}
