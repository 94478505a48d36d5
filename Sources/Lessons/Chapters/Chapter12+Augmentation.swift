import Augment
import Foundation
import NNKit

/// Chapter 8's experiment again, with the convolutional network: its 1,000 training images with no,
/// mild and strong augmentation, validated on held-out training images, tested once at the end.
extension ConvolutionChapter {
    /// Validation images per epoch: the first of chapter 8's held-out images (rows 50,000 on,
    /// never trained on, never the test set). Keras's figures below validated on all 10,000;
    /// 2,000 keep this part short, while the test set, read once, gives the firm number.
    static let heldOutImages = 2000

    /// Chapter 8's three settings (none, mild, strong: the same policies and epochs) with
    /// Keras's figures for the CNN here (seed 42, validated on the last 10,000 training images):
    /// training accuracy, best validation accuracy, final validation loss, test accuracy.
    static let revisits:
        [(
            setting: AugmentationChapter.Setting,
            keras: (
                train: Double, bestValidation: Double,
                finalValidationLoss: Double, test: Double
            )
        )] =
            Array(
                zip(
                    AugmentationChapter.settings,
                    [
                        (0.971, 0.841, 0.846, 0.824), (0.885, 0.841, 0.634, 0.836),
                        (0.867, 0.827, 0.694, 0.815),
                    ]))

    /// The figures of each way, in the order of `revisits`.
    public struct AugmentationRevisited: Sendable, Equatable {
        public struct Figures: Sendable, Equatable {
            public var epochs: Int
            public var trainAccuracy: Double
            public var bestValidationAccuracy: Double
            public var finalValidationLoss: Double
            public var testAccuracy: Double
        }

        public var none: Figures
        public var mild: Figures
        public var strong: Figures
    }

    /// `sets` are chapter 8's, taken before the training set is shuffled.
    func reviseAugmentation(_ sets: AugmentationChapter.Sets, folder: URL, context: ChapterContext) throws
        -> AugmentationRevisited
    {
        let console = context.console
        let (x, y) = sets.training
        let count = x.rows
        let kept = 0..<min(Self.heldOutImages, sets.validation.x.rows)
        let validation = (x: sets.validation.x.rows(kept), y: sets.validation.y.rows(kept))
        let (testX, testY) = sets.test
        console.section(words("run.revisit.section"))
        console.say(
            words(
                "run.revisit.intro",
                [
                    "count": Format.grouped(count), "validation": Format.grouped(kept.count),
                    "test": Format.grouped(testX.rows),
                ]))

        var results:
            [(
                name: String, keras: (train: Double, bestValidation: Double, finalValidationLoss: Double, test: Double),
                history: History, figures: AugmentationRevisited.Figures
            )] = []
        for (setting, keras) in Self.revisits {
            let epochs = context.epochs(setting.epochs)
            console.say(words("run.revisit.\(setting.name)", ["epochs": "\(epochs)"]))
            let model = ConvolutionalModel.make(seed: context.seed)
            let augmenter = setting.policy.map { BatchAugmenter(policy: $0, seed: context.seed &+ 12) }
            let history = try model.fit(
                x, y, epochs: epochs, batchSize: 32, validationData: validation, seed: context.seed,
                augment: augmenter.map { augmenter in { batch in augmenter(&batch) } },
                verbose: .everyNthEpoch(20), output: console.output)
            let test = try model.evaluate(testX, testY)
            results.append(
                (
                    setting.name, keras, history,
                    .init(
                        epochs: epochs, trainAccuracy: Double(history[.accuracy].last ?? 0),
                        bestValidationAccuracy: Double(history[.valAccuracy].max() ?? 0),
                        finalValidationLoss: Double(history[.valLoss].last ?? 0),
                        testAccuracy: Double(test[.accuracy] ?? 0))
                ))
        }

        console.line()
        console.line(words("run.revisit.header"))
        for (name, keras, _, figures) in results {
            console.line(
                words(
                    "run.revisit.row",
                    [
                        "policy": Format.padded(words("run.revisit.\(name).name"), 7),
                        "epochs": Format.rightAligned("\(figures.epochs)", 3),
                        "train": Format.fixed(figures.trainAccuracy, 3),
                        "best": Format.fixed(figures.bestValidationAccuracy, 3),
                        "loss": Format.fixed(figures.finalValidationLoss, 3),
                        "test": Format.fixed(figures.testAccuracy, 3),
                        "kerasTrain": Format.fixed(keras.train, 3), "kerasBest": Format.fixed(keras.bestValidation, 3),
                        "kerasLoss": Format.fixed(keras.finalValidationLoss, 3),
                        "kerasTest": Format.fixed(keras.test, 3),
                    ]))
        }
        console.line()
        console.say(words("run.revisit.reading"))
        let chart = TrainingChart(
            title: words("run.revisit.chart", ["images": Format.grouped(count)]),
            histories: results.map { (words("run.revisit.\($0.name).name"), $0.history) })
        _ = try chart.show(on: console, writingTo: folder, name: "augmentation")
        let figures = results.map(\.figures)
        return AugmentationRevisited(none: figures[0], mild: figures[1], strong: figures[2])
    }
}
