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

        // A tie, handed to your callback epoch by epoch: epochs 1 and 2 (counting from 0) share the
        // lowest val_loss, and Keras keeps the first, since a later epoch must be strictly better.
        // Each epoch's kernel is its own number, so the restored kernel says which epoch was kept.
        let probe = Sequential(inputSize: 1, [Dense(units: 1)], seed: 1)
        let tied = RestoreBestWeights()
        let tiedLosses: [Float] = [0.5, 0.4, 0.4, 0.6]
        for (epoch, loss) in tiedLosses.enumerated() {
            try probe.setWeights(["0.kernel": Matrix([[Float(epoch)]]), "0.bias": Matrix(row: [0])])
            tied.onEpochEnd(epoch, logs: Logs([(.valLoss, loss)]), model: probe)
        }
        tied.onTrainEnd(model: probe, logs: Logs())
        let tiedGiven = "val_loss \(tiedLosses) handed to your callback, where epochs 1 and 2 tie (counting from 0)"
        ExerciseKit.expect(tied.bestEpoch == 1, given: tiedGiven,
                           expected: "bestEpoch 1: a tie is no improvement, so the first of the tied epochs stays (as Keras)",
                           got: "bestEpoch " + (tied.bestEpoch.map(String.init) ?? "nil"))
        ExerciseKit.expectClose(probe.weightDictionary["0.kernel"] ?? Matrix(rows: 0, columns: 0), Matrix([[1]]), tolerance: 0,
                                given: tiedGiven + ": the kernel after onTrainEnd, epoch 1's being 1")
    }
}
