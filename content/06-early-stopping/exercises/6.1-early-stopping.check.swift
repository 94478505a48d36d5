import ExerciseKit

@main
enum EarlyStoppingCheck: ExerciseCheck {
    static func run() throws {
        let series: [Float] = [0.9, 0.7, 0.6, 0.61, 0.62, 0.63, 0.5]
        let cases: [([Float], Int, Float, Int?, Int, String)] = [
            ([0.5, 0.4, 0.3], 1, 0, nil, 3, ", where the best is the third epoch: epochs count from 1"),
            (series, 3, 0, 6, 3, ", where epochs 4, 5 and 6 bring the count to 3, the patience"),
            (series, 1, 0, 4, 3, ""),
            (series, 10, 0, nil, 7, ""),
            // 0.6 → 0.595 and → 0.592 improve by less than minDelta 0.01: no improvement.
            ([0.7, 0.6, 0.595, 0.592, 0.58], 2, 0.01, 4, 2, ", where improving by less than minDelta is no improvement"),
            // Epochs 2 and 4 do not improve, but epochs 3 and 5 do: the count never reaches 2.
            ([0.9, 0.95, 0.8, 0.85, 0.7], 2, 0, nil, 5, ", where every improvement sets the count back to 0"),
        ]
        for (losses, patience, minDelta, stop, best, note) in cases {
            let result = earlyStopping(validationLosses: losses, patience: patience, minDelta: minDelta)
            let given = "earlyStopping(validationLosses: \(losses), patience: \(patience), minDelta: \(minDelta))" + note
            ExerciseKit.expect(result.stopAfterEpoch == stop && result.bestEpoch == best, given: given,
                   expected: "\(stopping(stop)), best epoch \(best)",
                   got: "\(stopping(result.stopAfterEpoch)), best epoch \(result.bestEpoch)")
        }
        // On random series, the same decisions as NNKit's EarlyStopping (which matches Keras).
        var generator = RandomGenerator(seed: 4)
        for trial in 0 ..< 50 {
            let losses = (0 ..< 20).map { epoch in 1 / Float(epoch + 2) + generator.nextUniform(0, 0.15) }
            let patience = Int(generator.nextBelow(4)) + 1
            let callback = EarlyStopping(monitor: .valLoss, patience: patience)
            let model = Sequential(inputSize: 1, [Dense(units: 1)])
            callback.onTrainBegin(model: model, parameters: TrainingParameters(epochs: 20, stepsPerEpoch: 1, samples: 1, batchSize: 1))
            var stopped: Int?
            for (epoch, loss) in losses.enumerated() {
                callback.onEpochEnd(epoch, logs: Logs([(.valLoss, loss)]), model: model)
                if model.stopTraining { stopped = epoch + 1; break }
            }
            let result = earlyStopping(validationLosses: losses, patience: patience)
            ExerciseKit.expect(result.stopAfterEpoch == stopped && result.bestEpoch == callback.bestEpoch + 1,
                   given: "random series \(trial + 1) of 50, patience \(patience): \(losses.map { ($0 * 1000).rounded() / 1000 })",
                   expected: "\(stopping(stopped)), best epoch \(callback.bestEpoch + 1) (as Keras)",
                   got: "\(stopping(result.stopAfterEpoch)), best epoch \(result.bestEpoch)")
        }
    }

    /// "stop after 5", or "never stop (nil)" for a run that goes to its last epoch.
    private static func stopping(_ epoch: Int?) -> String {
        epoch.map { "stop after \($0)" } ?? "never stop (nil)"
    }
}
