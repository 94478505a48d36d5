import ExerciseKit

@main
enum ConfidentMistakesCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectEqual(confidentMistakes([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6]], labels: [0, 0, 0], count: 5), [1, 2],
                                given: "confidentMistakes([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6]], labels: [0, 0, 0], count: 5): row 0 is right, not a mistake")
        ExerciseKit.expectEqual(confidentMistakes([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6]], labels: [0, 0, 0], count: 1), [1],
                                given: "the same with count: 1")
        ExerciseKit.expectEqual(confidentMistakes([[0.4, 0.6], [0.1, 0.9], [0.7, 0.3]], labels: [0, 0, 1], count: 3), [1, 2, 0],
                                given: "mistakes in rows 0, 1 and 2 predicted with 0.6, 0.9 and 0.7: the surest first")
        ExerciseKit.expectEqual(confidentMistakes([[0.6, 0.4, 0], [0.1, 0.55, 0.35]], labels: [1, 0], count: 2), [0, 1],
                                given: "two mistakes among three classes: ranked by the predicted class's probability (0.6, then 0.55), "
                                    + "not the true class's")
        ExerciseKit.expectEqual(confidentMistakes([[0.5, 0.5], [0.5, 0.5]], labels: [0, 1], count: 5), [1],
                                given: "confidentMistakes([[0.5, 0.5], [0.5, 0.5]], labels: [0, 1], …): a tie predicts the first class")
        ExerciseKit.expectEqual(confidentMistakes([[0.1, 0.7, 0.2], [0.1, 0.2, 0.7], [0.7, 0.2, 0.1]], labels: [0, 0, 1], count: 3),
                                [0, 1, 2], given: "three mistakes of the same confidence: by row")
        ExerciseKit.expectEqual(confidentMistakes([[1, 0], [0, 1]], labels: [0, 1], count: 3), [],
                                given: "no mistakes")

        // A small network's predictions on 200 made-up inputs, beside the same ranking computed here.
        var generator = RandomGenerator(seed: 4)
        let inputs = Matrix(rows: 200, columns: 5, scalars: (0 ..< 1_000).map { _ in Float(generator.nextBelow(100)) / 25 - 2 })
        let model = Sequential(inputSize: 5, [Dense(units: 4, activation: .softmax)], seed: 9)
        let output = model.predict(inputs)
        let rows = (0 ..< 200).map { Array(output.scalars[$0 * 4 ..< $0 * 4 + 4]) }
        let labels = (0 ..< 200).map { $0 % 4 }
        var expected: [(Int, Float)] = []
        for (row, values) in rows.enumerated() {
            let best = values.indices.reduce(0) { values[$1] > values[$0] ? $1 : $0 }
            if best != labels[row] { expected.append((row, values[best])) }
        }
        expected.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        ExerciseKit.expectEqual(confidentMistakes(rows, labels: labels, count: 7), expected.prefix(7).map(\.0),
                                given: "a softmax layer's predictions for 200 inputs, labels 0, 1, 2, 3, 0, …, count: 7")
    }
}
