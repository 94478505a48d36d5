import ExerciseKit
import Foundation

@main
enum CheckpointDefaultCheck: ExerciseCheck {
    static func run() throws {
        let losses: [Float] = [0.9, 0.6, 0.5, 0.55, 0.7]
        ExerciseKit.expectEqual(epochInFile(validationLosses: losses, saveBestOnly: false), 5,
                                given: "epochInFile(validationLosses: \(losses), saveBestOnly: false), Keras's default")
        ExerciseKit.expectEqual(epochInFile(validationLosses: losses, saveBestOnly: true), 3,
                                given: "epochInFile(validationLosses: \(losses), saveBestOnly: true): the best epoch, counting from 1")
        ExerciseKit.expectEqual(epochInFile(validationLosses: [0.5, 0.5, 0.6], saveBestOnly: true), 1,
                                given: "epochInFile(validationLosses: [0.5, 0.5, 0.6], saveBestOnly: true): a tie is no improvement")
        // Epoch 4 beats epoch 3 but not epoch 2, the best so far: the file still holds epoch 2.
        ExerciseKit.expectEqual(epochInFile(validationLosses: [0.5, 0.3, 0.6, 0.4], saveBestOnly: true), 2,
                                given: "epochInFile(validationLosses: [0.5, 0.3, 0.6, 0.4], saveBestOnly: true): "
                                    + "epoch 4 beats epoch 3 but not the best so far")
        // Beside NNKit's ModelCheckpoint, both ways.
        let model = Sequential(inputSize: 1, [Dense(units: 1)], seed: 1)
        for saveBestOnly in [false, true] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let checkpoint = ModelCheckpoint(path: folder.appendingPathComponent("best-model.safetensors"), saveBestOnly: saveBestOnly)
            for (epoch, loss) in losses.enumerated() {
                checkpoint.onEpochEnd(epoch, logs: Logs([(.valLoss, loss)]), model: model)
            }
            ExerciseKit.expectEqual(epochInFile(validationLosses: losses, saveBestOnly: saveBestOnly),
                                    (checkpoint.savedEpochs.last ?? -1) + 1,
                                    given: "epochInFile with saveBestOnly: \(saveBestOnly), beside the last epoch NNKit's ModelCheckpoint wrote")
        }
    }
}
