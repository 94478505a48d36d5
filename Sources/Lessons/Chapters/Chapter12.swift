import Augment
import Foundation
import NNKit

/// Chapter 12: the convolutional network, against the best dense one, and what its filters see.
///
/// The tutorial's CNN (혼공머신 8-2, `ConvolutionalModel`): Adam, batch 32, validation_split
/// 0.2, EarlyStopping(val_loss, patience 2, restore best). Keras here, seed 42: stopped at epoch
/// 7 (best 5, val accuracy 0.917), test 0.907. Beside it chapter 6's dense network, and chapter
/// 8's small-data experiment run again with the CNN (`Chapter12+Augmentation.swift`).
public struct ConvolutionChapter: Chapter {
    public init() {}
    public let number = 12
    public let slug = "convolution"
    public var runOptions: Set<RunOption> { [.data, .save, .out] }

    public let exerciseSlugs = ["output-size", "one-output-pixel", "max-pooling", "im2col"]

    static let maximumEpochs = 20
    static let patience = 2
    static let kerasReference = (stopped: 7, best: 5, validation: 0.917, test: 0.907)
    /// Chapter 6's dense network with its early stopping (Keras here: test 0.8793).
    static let denseKerasTest = 0.8793

    /// What a run arrives at.
    public struct Result: Sendable, Equatable {
        public var epochsRun: Int
        /// The epoch with the lowest validation loss, counted from 1; its weights are kept.
        public var bestEpoch: Int
        public var bestValidationAccuracy: Double
        public var testAccuracy: Double
        public var denseTestAccuracy: Double
        public var augmentation: AugmentationRevisited
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        console.heading(words("run.heading", ["title": title]))
        var data = try FashionExperiment.load(context)
        // Chapter 8's images for the last part, from the training set's two ends before shuffling.
        let smallSets = AugmentationChapter.Sets(data)
        // The tutorials' train_test_split(test_size=0.2, random_state=42): a seeded shuffle,
        // then validationSplit holds out the last fifth.
        FashionExperiment.shuffleTraining(&data, seed: context.seed)
        let folder = try context.pictureFolder(for: self)

        console.section(words("run.model.section"))
        let model = ConvolutionalModel.make(seed: context.seed)
        console.line(model.summary().description)
        console.say(
            words(
                "run.model.sharing",
                [
                    "conv": Format.grouped(model.layers[2].parameters.reduce(0) { $0 + $1.count }),
                    "dense": Format.grouped(denseEquivalent(of: model.layers[2])),
                ]))

        console.section(words("run.training.section"))
        let epochs = context.epochs(Self.maximumEpochs)
        console.say(words("run.training.keras", ["patience": "\(Self.patience)", "epochs": "\(epochs)"]))
        let stopping = EarlyStopping(
            monitor: .valLoss, patience: Self.patience, restoreBestWeights: true,
            verbose: true, output: console.output)
        let timer = EpochTimer()
        let convolutional = try FashionExperiment.train(
            model, data, epochs: epochs, batchSize: 32, context: context,
            callbacks: [stopping, timer])
        let best = stopping.bestEpoch
        let validation = convolutional.history[.valAccuracy]
        console.say(
            words(
                "run.training.result",
                [
                    "best": "\(best + 1)", "ran": "\(validation.count)",
                    "validation": Format.fixed(Double(validation[best]), 4),
                    "test": Format.fixed(convolutional.testAccuracy, 4), "seconds": Format.fixed(timer.medianEpoch, 1),
                    "kerasBest": "\(Self.kerasReference.best)", "kerasStopped": "\(Self.kerasReference.stopped)",
                    "kerasValidation": Format.fixed(Self.kerasReference.validation, 3),
                    "kerasTest": Format.fixed(Self.kerasReference.test, 3),
                ]))
        if let file = context.modelFile {
            try model.save(to: file)
            console.say(words("run.saved", ["file": file.path]))
        }

        console.section(words("run.dense.section"))
        console.say(words("run.dense.training", ["patience": "3"]))
        let dense = FashionExperiment.deepModel(seed: context.seed)
        let denseStopping = EarlyStopping(monitor: .valLoss, patience: 3, restoreBestWeights: true)
        let denseTimer = EpochTimer()
        let denseHistory = try dense.fit(
            data.trainImages, data.trainLabels, epochs: context.epochs(50), batchSize: 100,
            validationSplit: FashionExperiment.validationSplit, seed: context.seed,
            callbacks: [denseStopping, denseTimer], verbose: .everyNthEpoch(5),
            output: console.output)
        let denseTest = try dense.evaluate(data.testImages, data.testLabels)
        let denseOutcome = FashionExperiment.Outcome(
            history: denseHistory, testLoss: Double(denseTest[.loss] ?? 0),
            testAccuracy: Double(denseTest[.accuracy] ?? 0))
        comparisonTable(
            [
                (words("run.dense.cnn"), model, convolutional, best, timer.medianEpoch, Self.kerasReference.test),
                (
                    words("run.dense.mlp"), dense, denseOutcome, denseStopping.bestEpoch, denseTimer.medianEpoch,
                    Self.denseKerasTest
                ),
            ], console: console)
        let chart = TrainingChart(
            title: words("run.chart.title"),
            histories: [
                (words("run.dense.cnn"), convolutional.history),
                (words("run.dense.mlp"), denseOutcome.history),
            ])
        _ = try chart.show(on: console, writingTo: folder, name: "curves")

        console.section(words("run.filters.section"))
        try showFilters(model, image: data.testImages.rows(0..<1), folder: folder, context: context)

        let revisited = try reviseAugmentation(smallSets, folder: folder, context: context)
        console.line()
        console.say(words("run.next"))
        return Result(
            epochsRun: validation.count, bestEpoch: best + 1, bestValidationAccuracy: Double(validation[best]),
            testAccuracy: convolutional.testAccuracy, denseTestAccuracy: denseOutcome.testAccuracy,
            augmentation: revisited)
    }

    /// The weights a Dense layer would need to map the convolution's input image to its output
    /// image: every input value to every output value, plus a bias each.
    private func denseEquivalent(of layer: any Layer) -> Int {
        guard let conv = layer as? Conv2D else { return 0 }
        let inputs = conv.inputShape.reduce(1, *)
        return inputs * conv.outputSize + conv.outputSize
    }

    private func comparisonTable(
        _ rows: [(
            name: String, model: Sequential, outcome: FashionExperiment.Outcome, best: Int,
            seconds: Double, keras: Double
        )], console: Console
    ) {
        console.line(words("run.dense.header"))
        for row in rows {
            let validation = row.outcome.history[.valAccuracy]
            console.line(
                words(
                    "run.dense.row",
                    [
                        "model": Format.padded(row.name, 12),
                        "parameters": Format.rightAligned(Format.grouped(row.model.summary().totalCount), 10),
                        "epochs": Format.rightAligned("\(validation.count)", 6),
                        "validation": Format.fixed(Double(validation[min(row.best, validation.count - 1)]), 4),
                        "test": Format.fixed(row.outcome.testAccuracy, 4), "keras": Format.fixed(row.keras, 4),
                        "seconds": Format.rightAligned(Format.fixed(row.seconds, 1), 5),
                    ]))
        }
        console.line()
    }
}
