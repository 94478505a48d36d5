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

    public let exerciseSlugs = ["early-stopping", "checkpoint"]

    static let maximumEpochs = 50
    static let kerasReference = (stopped: 32, best: 29, test: 0.8793)

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        var report = ChapterReport()
        console.heading("Chapter 6 · \(title)")
        let data = try FashionExperiment.load(context)
        let folder = try context.pictureFolder(for: self)
        let checkpointFile = folder.appendingPathComponent("best-model.safetensors")

        console.section("Training with EarlyStopping and ModelCheckpoint")
        console.line("""
              Keras: EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True) and
              ModelCheckpoint("best-model", monitor="val_loss", save_best_only=True), up to 50 epochs.
            """)
        let model = FashionExperiment.deepModel(seed: context.seed)
        let stopping = EarlyStopping(monitor: .valLoss, patience: 3, restoreBestWeights: true,
                                     verbose: true, output: console.output)
        let checkpoint = ModelCheckpoint(path: checkpointFile, monitor: .valLoss, saveBestOnly: true,
                                         verbose: true, output: console.output)
        let outcome = try FashionExperiment.train(model, data, epochs: Self.maximumEpochs, batchSize: 100,
                                                  context: context, callbacks: [stopping, checkpoint])
        if let error = checkpoint.saveError { throw error }

        let losses = outcome.history[.valLoss]
        let ran = losses.count
        let best = stopping.bestEpoch
        console.section("Where validation loss turned")
        console.line("  It fell to \(Format.fixed(Double(losses[best]), 4)) at epoch \(best + 1), then did not improve for "
                     + "\(ran - 1 - best) epochs; training stopped after epoch \(ran) of \(Self.maximumEpochs).")
        console.line("  (Keras here, seed 42: best epoch \(Self.kerasReference.best), stopped at \(Self.kerasReference.stopped).)")
        console.line()
        let chart = TrainingChart(title: "Early stopping on validation loss",
                                  histories: [("model", outcome.history)],
                                  markers: [.init(epoch: best + 1, label: "best epoch \(best + 1)")])
        _ = try chart.show(on: console, writingTo: folder, name: "curves")

        console.section("The restored model and the checkpoint file")
        let restored = outcome.testAccuracy
        let saved = try Sequential.load(from: checkpointFile)
        saved.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        let fromFile = Double(try saved.evaluate(data.testImages, data.testLabels)[.accuracy] ?? 0)
        // The samples validationSplit 0.2 held out: the last fifth, as fit took them.
        let heldOut = Int((Double(data.trainImages.rows) * 0.8).rounded(.down)) ..< data.trainImages.rows
        let savedValidation = Double(try saved.evaluate(data.trainImages.rows(heldOut), data.trainLabels.rows(heldOut),
                                                        batchSize: 100)[.loss] ?? 0)
        console.line("  restored weights (epoch \(best + 1)): test accuracy \(Format.fixed(restored, 4))   "
                     + "(Keras here \(Format.fixed(Self.kerasReference.test, 4)))")
        console.line("  \(checkpointFile.path) (last written after epoch \((checkpoint.bestEpoch ?? 0) + 1)):")
        console.line("      validation loss \(Format.fixed(savedValidation, 4)) (the run printed \(Format.fixed(Double(losses[best]), 4)) for epoch \(best + 1)),"
                     + " test accuracy \(Format.fixed(fromFile, 4))")
        console.line("  " + (fromFile == restored ? console.mark(true) + " the file holds exactly the best epoch's model."
                                                 : console.mark(false) + " the file and the restored model differ."))
        console.line("  Evaluate it yourself: 'lesson evaluate \(checkpointFile.path)'.")

        report.record("epochs run", Double(ran))
        report.record("best epoch", Double(best + 1))
        report.record("test accuracy", restored)
        report.record("checkpoint test accuracy", fromFile)
        report.record("best val loss", Double(losses[best]))
        report.record("checkpoint val loss", savedValidation)
        console.line()
        console.line("Next: 'lesson 7 run': when a deep network does not learn at all.")
        return report
    }
}
