import Foundation
import NNKit

/// Chapter 5: dropout against overfitting.
///
/// The 256-128-64 model of chapter 4, 50 epochs, without and with Dropout(0.25) after the 256 and
/// the 128 layers (Keras here: without, val 0.8873 / test 0.8819; with, val 0.8981 / test 0.8894).
public struct DropoutChapter: Chapter {
    public init() {}
    public let number = 5
    public let slug = "dropout"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["dropout-layer", "dropout-mask", "expected-output", "overfitting-gap"]

    static let epochs = 50
    static let dropoutRate: Float = 0.25
    /// The epochs whose accuracies the gap table shows (those the run reaches).
    static let tableEpochs = [1, 5, 10, 20, 30, 40, 50]
    static let kerasReference = (plain: (validation: 0.8873, test: 0.8819), dropout: (validation: 0.8981, test: 0.8894))

    /// What a run arrives at: the same figures for the model without and with dropout.
    public struct Result: Sendable, Equatable {
        public struct Figures: Sendable, Equatable {
            /// Validation accuracy after the last epoch.
            public var validationAccuracy: Double
            public var testAccuracy: Double
            /// Training minus validation accuracy after the last epoch.
            public var gap: Double
        }

        public var withoutDropout: Figures
        public var withDropout: Figures
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let epochs = context.epochs(Self.epochs)
        let rate = Format.fixed(Self.dropoutRate, 2)
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)

        console.section(words("run.plain.section"))
        let plainModel = FashionExperiment.deepModel(seed: context.seed)
        let plain = try FashionExperiment.train(plainModel, data, epochs: epochs, batchSize: 100, context: context)

        console.section(words("run.dropout.section", ["rate": rate]))
        let dropoutModel = FashionExperiment.deepModel(seed: context.seed, dropout: Self.dropoutRate)
        let summary = dropoutModel.summary()
        console.say(words("run.dropout.keras", ["rate": rate, "weights": Format.grouped(summary.totalCount)]))
        console.line()
        console.line(summary.description)
        console.line()
        let dropout = try FashionExperiment.train(dropoutModel, data, epochs: epochs, batchSize: 100, context: context)

        console.section(words("run.gap.section"))
        console.line(words("run.gap.header"))
        for epoch in Self.tableEpochs where epoch <= epochs {
            func figures(_ outcome: FashionExperiment.Outcome) -> (train: String, validation: String, gap: String) {
                let train = Double(outcome.history[.accuracy][epoch - 1])
                let validation = Double(outcome.history[.valAccuracy][epoch - 1])
                return (Format.fixed(train, 3), Format.fixed(validation, 3), Format.difference(train - validation, 3))
            }
            let (without, with) = (figures(plain), figures(dropout))
            console.line(
                words(
                    "run.gap.row",
                    [
                        "epoch": Format.rightAligned("\(epoch)", 5),
                        "plainTrain": without.train, "plainValidation": without.validation, "plainGap": without.gap,
                        "dropoutTrain": with.train, "dropoutValidation": with.validation, "dropoutGap": with.gap,
                    ]))
        }
        console.line()
        console.say(words("run.gap.explanation"))
        console.line()
        let chart = TrainingChart(
            title: words("run.chart.title", ["rate": rate]),
            histories: [
                (words("run.chart.plain"), plain.history),
                (words("run.chart.dropout"), dropout.history),
            ])
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "curves")

        console.section(words("run.summary"))
        console.line(words("run.summary.header"))
        for (nameKey, outcome, keras) in [
            ("run.summary.plain", plain, Self.kerasReference.plain),
            ("run.summary.dropout", dropout, Self.kerasReference.dropout),
        ] {
            console.line(
                words(
                    "run.summary.row",
                    [
                        "model": Format.padded(words(nameKey), 16),
                        "train": Format.fixed(outcome.finalTrainAccuracy, 4),
                        "validation": Format.fixed(outcome.finalValidationAccuracy, 4),
                        "gap": Format.fixed(outcome.gap, 4),
                        "test": Format.fixed(outcome.testAccuracy, 4),
                        "kerasValidation": Format.fixed(keras.validation, 4), "kerasTest": Format.fixed(keras.test, 4),
                    ]))
        }
        console.line()
        console.say(words("run.next"))
        func figures(_ outcome: FashionExperiment.Outcome) -> Result.Figures {
            Result.Figures(
                validationAccuracy: outcome.finalValidationAccuracy, testAccuracy: outcome.testAccuracy,
                gap: outcome.gap)
        }
        return Result(withoutDropout: figures(plain), withDropout: figures(dropout))
    }
}
