import Foundation
import NNKit

/// Chapter 6: stop training when validation loss stops improving, and keep the best model.
///
/// The 256-128-64 model for up to 50 epochs with EarlyStopping(val_loss, patience 3, restore best
/// weights) and a best-only ModelCheckpoint (Keras here: stopped at epoch 32, best 29, test 0.8793).
public struct EarlyStoppingChapter: Chapter {
    public init() {}
    public let number = 6
    public let slug = "early-stopping"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["early-stopping", "checkpoint", "restore-best", "checkpoint-default"]

    static let maximumEpochs = 50
    static let patience = 3
    static let kerasReference = (stopped: 32, best: 29, test: 0.8793)

    /// What a run arrives at: where it stopped, and the restored model against the checkpoint file.
    public struct Result: Sendable, Equatable {
        public var epochsRun: Int
        /// The epoch with the lowest validation loss, counted from 1.
        public var bestEpoch: Int
        /// The restored model's test accuracy.
        public var testAccuracy: Double
        /// The test accuracy of the model read back from the checkpoint file.
        public var checkpointTestAccuracy: Double
        /// The validation loss the run reported for the best epoch.
        public var bestValidationLoss: Double
        /// The checkpoint file's model's loss on the same held-out images.
        public var checkpointValidationLoss: Double
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let maximumEpochs = context.epochs(Self.maximumEpochs)
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)
        let folder = try context.pictureFolder(for: self)
        let checkpointFile = folder.appendingPathComponent("best-model.safetensors")

        console.section(words("run.training.section"))
        console.say(words("run.training.keras", ["patience": "\(Self.patience)", "epochs": "\(maximumEpochs)"]))
        let model = FashionExperiment.deepModel(seed: context.seed)
        let stopping = EarlyStopping(
            monitor: .valLoss, patience: Self.patience, restoreBestWeights: true,
            verbose: true, output: console.output)
        let checkpoint = ModelCheckpoint(
            path: checkpointFile, monitor: .valLoss, saveBestOnly: true,
            verbose: true, output: console.output)
        let outcome = try FashionExperiment.train(
            model, data, epochs: maximumEpochs, batchSize: 100,
            context: context, callbacks: [stopping, checkpoint])
        if let error = checkpoint.saveError { throw error }

        let losses = outcome.history[.valLoss]
        let ran = losses.count
        let best = stopping.bestEpoch
        let bestLoss = Format.fixed(Double(losses[best]), 4)
        console.section(words("run.turn.section"))
        console.say(
            words(
                "run.turn.result",
                [
                    "loss": bestLoss, "best": "\(best + 1)", "waited": "\(ran - 1 - best)",
                    "ran": "\(ran)", "epochs": "\(maximumEpochs)",
                ]))
        console.say(
            words(
                "run.turn.keras",
                [
                    "best": "\(Self.kerasReference.best)",
                    "stopped": "\(Self.kerasReference.stopped)",
                ]))
        console.line()
        let chart = TrainingChart(
            title: words("run.chart.title"),
            histories: [(words("run.chart.model"), outcome.history)],
            markers: [.init(epoch: best + 1, label: words("run.chart.best", ["epoch": "\(best + 1)"]))])
        _ = try chart.show(on: console, writingTo: folder, name: "curves")

        console.section(words("run.checkpoint.section"))
        let restored = outcome.testAccuracy
        let saved = try Sequential.load(from: checkpointFile)
        saved.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        let fromFile = Double(try saved.evaluate(data.testImages, data.testLabels)[.accuracy] ?? 0)
        // The samples the validation split held out: the last fifth of what was loaded, as fit took them.
        let rows = data.trainImages.rows
        let heldOut = Int((Double(rows) * (1 - FashionExperiment.validationSplit)).rounded(.down))..<rows
        let savedValidation = Double(
            try saved.evaluate(
                data.trainImages.rows(heldOut), data.trainLabels.rows(heldOut),
                batchSize: 100)[.loss] ?? 0)
        console.say(
            words(
                "run.checkpoint.restored",
                [
                    "epoch": "\(best + 1)", "accuracy": Format.fixed(restored, 4),
                    "keras": Format.fixed(Self.kerasReference.test, 4),
                ]))
        console.say(
            words(
                "run.checkpoint.file",
                [
                    "file": checkpointFile.path, "epoch": "\((checkpoint.bestEpoch ?? 0) + 1)",
                    "loss": Format.fixed(savedValidation, 4), "printed": bestLoss, "best": "\(best + 1)",
                    "accuracy": Format.fixed(fromFile, 4),
                ]))
        let same = fromFile == restored
        console.say(words(same ? "run.checkpoint.same" : "run.checkpoint.different", ["mark": console.mark(same)]))
        console.say(words("run.checkpoint.evaluate", ["file": checkpointFile.path]))
        console.line()
        console.say(words("run.next"))
        return Result(
            epochsRun: ran, bestEpoch: best + 1, testAccuracy: restored, checkpointTestAccuracy: fromFile,
            bestValidationLoss: Double(losses[best]), checkpointValidationLoss: savedValidation)
    }
}
