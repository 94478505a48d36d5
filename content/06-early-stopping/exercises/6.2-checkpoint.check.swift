import ExerciseKit
import Foundation

@main
enum CheckpointCheck: ExerciseCheck {
    static func run() throws {
        let cases: [([Float], String, [Int], String)] = [
            ([0.3, 0.4, 0.5], "min", [1], ", where only the first epoch is saved: epochs count from 1"),
            ([0.5, 0.4, 0.45, 0.3, 0.3], "min", [1, 2, 4], ", where epoch 5 only ties the best: not saved"),
            ([0.8, 0.85, 0.85, 0.9, 0.7], "max", [1, 2, 4], ", where higher is better"),
            ([0.3, 0.4, 0.5], "max", [1, 2, 3], ""),
            // Epoch 4 beats epoch 3 but not epoch 2, the best so far.
            ([0.5, 0.3, 0.6, 0.4], "min", [1, 2], ", where epoch 4 beats epoch 3 but not the best so far"),
        ]
        for (values, mode, expected, note) in cases {
            ExerciseKit.expectEqual(checkpointEpochs(values: values, mode: mode), expected,
                        given: "checkpointEpochs(values: \(values), mode: \"\(mode)\")" + note)
        }
        // The epochs NNKit's ModelCheckpoint actually writes, on a random series of losses.
        var generator = RandomGenerator(seed: 9)
        let losses = (0 ..< 15).map { _ in generator.nextUniform(0.2, 0.6) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoint = ModelCheckpoint(path: folder.appendingPathComponent("best.safetensors"), monitor: .valLoss,
                                         saveBestOnly: true)
        let model = Sequential(inputSize: 1, [Dense(units: 1)])
        checkpoint.onTrainBegin(model: model, parameters: TrainingParameters(epochs: 15, stepsPerEpoch: 1, samples: 1, batchSize: 1))
        for (epoch, loss) in losses.enumerated() {
            checkpoint.onEpochEnd(epoch, logs: Logs([(.valLoss, loss)]), model: model)
        }
        ExerciseKit.expectEqual(checkpointEpochs(values: losses, mode: "min"), checkpoint.savedEpochs.map { $0 + 1 },
                    given: "15 random validation losses \(losses.map { ($0 * 1000).rounded() / 1000 }), mode \"min\" (the epochs NNKit's ModelCheckpoint wrote)")
    }
}
