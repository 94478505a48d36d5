import ExerciseKit

@main
enum AccuracyCheck: ExerciseCheck {
    static func run() throws {
        let cases: [([Float], [Float], Float, String)] = [
            ([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 0], 0.75, ", a fraction of the samples"),
            ([0.1, 0.8, 0.7, 0.3], [0, 1, 1, 0], 1, ""),
            ([0.1, 0.8, 0.7, 0.3], [1, 0, 0, 1], 0, ""),
            // Exactly 0.5 is class 0; a hair above is class 1: chapter 2's "lucky" accuracy.
            ([0.5, 0.5001, 0.4999, 0.5], [0, 1, 1, 0], 0.75, ", where exactly 0.5 is class 0"),
            ([0.3], [1], 0, ""),
        ]
        for (outputs, targets, expected, note) in cases {
            ExerciseKit.expectClose(accuracy(outputs: outputs, targets: targets), expected,
                        given: "accuracy(outputs: \(outputs), targets: \(targets))" + note)
        }
        ExerciseKit.expectClose(accuracy(outputs: [0.2, 0.4, 0.6], targets: [0, 1, 0], threshold: 0.3), 2.0 / 3.0,
                    given: "accuracy(outputs: [0.2, 0.4, 0.6], targets: [0, 1, 0], threshold: 0.3)")
        // The same number NNKit reports for a trained model.
        let model = Sequential(inputSize: 2, [Dense(units: 4, activation: .tanh),
                                              Dense(units: 1, activation: .sigmoid)], seed: 3)
        model.compile(optimizer: SGD(), loss: .binaryCrossentropy, metrics: [.accuracy])
        let x = Matrix([[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.2], [0.9, 0.1]])
        let y = Matrix(column: [0, 1, 1, 0, 1, 0])
        let nnkit = try model.evaluate(x, y)[.accuracy] ?? -1
        ExerciseKit.expectClose(accuracy(outputs: model.predict(x).scalars, targets: y.scalars), nnkit,
                    given: "a small model's six outputs \(model.predict(x).scalars.map { ($0 * 1000).rounded() / 1000 }) and targets \(y.scalars), where NNKit's evaluate reports")
    }
}
