import ExerciseKit

@main
enum RestoreBestCheck: ExerciseCheck {
    static func run() throws {
        // A small network that overfits 24 noisy samples: its validation loss bottoms out before
        // the last of 40 epochs. A recorder before your callback keeps every epoch's weights.
        var generator = RandomGenerator(seed: 8)
        let x = Matrix(rows: 32, columns: 3, scalars: (0 ..< 96).map { _ in generator.nextNormal() })
        let y = Matrix(column: (0 ..< 32).map { row in Float(row % 2) + 0.8 * generator.nextNormal() })
        let model = Sequential(inputSize: 3, [Dense(units: 16, activation: .tanh), Dense(units: 1)], seed: 8)
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .meanSquaredError)
        var losses: [Float] = []
        var weights: [[String: Matrix]] = []
        let recorder = LambdaCallback { _, logs, model in
            losses.append(logs[.valLoss] ?? .nan)
            weights.append(model.weightDictionary)
        }
        let yours = RestoreBestWeights()
        try model.fit(x, y, epochs: 40, batchSize: 8, validationSplit: 0.25, seed: 8,
                      callbacks: [recorder, yours], verbose: .silent)
        let best = losses.indices.min { losses[$0] < losses[$1] } ?? 0
        ExerciseKit.expect(best < losses.count - 1, given: "the check's own run", expected: "a best epoch before the last",
                           got: "epoch \(best) of \(losses.count)")
        ExerciseKit.expect(yours.bestEpoch == best, given: "bestEpoch after 40 epochs (validation losses \(losses.map { ($0 * 1000).rounded() / 1000 }))",
                           expected: "\(best), the epoch with the lowest val_loss (counting from 0)",
                           got: yours.bestEpoch.map(String.init) ?? "nil")
        for (key, value) in weights[best].sorted(by: { $0.key < $1.key }) {
            ExerciseKit.expectClose(model.weightDictionary[key] ?? Matrix(rows: 0, columns: 0), value, tolerance: 0,
                                    given: "the model's \(key) after fit, beside epoch \(best)'s")
        }
    }
}
