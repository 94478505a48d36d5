import NNKit
import Testing

@Suite("EarlyStopping matches Keras (early_stopping.json)")
struct EarlyStoppingGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            let values: [Float]
            let config: [String: GoldenValue]
            let epochs_run: Int
            let stopped_epoch: Int
            let best_epoch: Int
            let weights_from_epoch: Int?
        }
        let cases: [Case]
    }

    static func callback(_ config: [String: GoldenValue]) throws -> EarlyStopping {
        let monitor = config["monitor"]?.text ?? "val_loss"
        let mode: EarlyStopping.Mode
        switch config["mode"]?.text ?? "auto" {
        case "min": mode = .min
        case "max": mode = .max
        default: mode = .auto
        }
        return EarlyStopping(
            monitor: LogKey(monitor), minDelta: config["min_delta"]?.number ?? 0,
            patience: Int(config["patience"]?.number ?? 0), mode: mode,
            baseline: config["baseline"]?.number,
            restoreBestWeights: config["restore_best_weights"]?.flag ?? false,
            startFromEpoch: Int(config["start_from_epoch"]?.number ?? 0))
    }

    @Test(
        "Every case: epochs run, stopped and best epochs, and whose weights the model ends with",
        arguments: GoldenFiles.caseNumbers("early_stopping.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("early_stopping.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "early_stopping.json")
        let label =
            "case \(index) (\(golden.config.keys.sorted().map { "\($0)=\(golden.config[$0]!)" }.joined(separator: ", ")), values \(golden.values))"
        let stopping = try Self.callback(golden.config)
        // A one-weight model whose bias records the epoch its weights are "from".
        let model = Sequential(inputSize: 1, [Dense(units: 1)])
        let parameters = TrainingParameters(epochs: golden.values.count, stepsPerEpoch: 1, samples: 1, batchSize: 1)
        stopping.onTrainBegin(model: model, parameters: parameters)
        var epochsRun = 0
        for (epoch, value) in golden.values.enumerated() {
            try model.setWeights(["0.kernel": Matrix([[0]]), "0.bias": Matrix(row: [Float(epoch)])])
            // As the file's note says: val_accuracy is 1 − val_loss in every epoch.
            stopping.onEpochEnd(epoch, logs: Logs([(.valLoss, value), (.valAccuracy, 1 - value)]), model: model)
            epochsRun += 1
            if model.stopTraining { break }
        }
        stopping.onTrainEnd(model: model, logs: Logs())
        #expect(epochsRun == golden.epochs_run, "\(label): ran \(epochsRun) epochs")
        #expect(stopping.stoppedEpoch == golden.stopped_epoch, "\(label): stopped at \(stopping.stoppedEpoch)")
        #expect(stopping.bestEpoch == golden.best_epoch, "\(label): best epoch \(stopping.bestEpoch)")
        let heldEpoch = Int(model.weights[1].value.scalars[0])
        #expect(
            heldEpoch == (golden.weights_from_epoch ?? epochsRun - 1), "\(label): holds epoch \(heldEpoch)'s weights")
    }

    @Test("Through fit: a stopped run prints Keras's two lines and keeps the best epoch's weights")
    func throughFit() throws {
        // Validation targets the model cannot fit while training pulls it elsewhere: val_loss
        // falls, then rises, so training stops.
        let x = Matrix(column: (0..<64).map { Float($0) / 64 })
        let y = Matrix(column: (0..<64).map { $0 < 48 ? Float($0) / 32 : 0 })
        let model = Sequential(inputSize: 1, [Dense(units: 1)], seed: 1)
        model.compile(optimizer: SGD(learningRate: 0.5), loss: .meanSquaredError)
        let output = CapturedOutput()
        let stopping = EarlyStopping(
            monitor: .valLoss, patience: 2, restoreBestWeights: true,
            verbose: true, output: output)
        let history = try model.fit(
            x, y, epochs: 100, batchSize: 16, validationSplit: 0.25, shuffle: false,
            callbacks: [stopping], verbose: .silent)
        let losses = history[.valLoss]
        #expect(losses.count < 100)
        #expect(stopping.stoppedEpoch == losses.count - 1)
        #expect(stopping.bestEpoch == losses.indices.min { losses[$0] < losses[$1] })
        #expect(output.text.contains("Epoch \(stopping.stoppedEpoch + 1): early stopping"))
        #expect(
            output.text.contains("Restoring model weights from the end of the best epoch: \(stopping.bestEpoch + 1)."))
        let restored = try model.evaluate(x.rows(48..<64), y.rows(48..<64), batchSize: 16)[.loss] ?? -1
        #expect(abs(restored - losses[stopping.bestEpoch]) < 1e-6)
    }
}
