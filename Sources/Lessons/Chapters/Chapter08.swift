import Augment
import Foundation
import NNKit

/// Chapter 8: data augmentation on a small training set.
///
/// A 256-128 MLP on the first 1,000 training images, Adam(1e-3), batch 32, validated after every
/// epoch on the last 10,000 training images and evaluated once, after training, on the 10,000
/// test images (chapter 4's rule: the test set is looked at once, at the end). Keras here, seed
/// 42, the same protocol (`scripts/keras-augmentation.py`), train / best validation / final
/// validation loss / test: none 0.999 / 0.814 / 1.33 / 0.775; mild (horizontal flips, ±5°
/// rotations, ±1 pixel shifts on the fly) 0.920 / 0.810 / 0.78 / 0.793; strong (±11°, ±8 %
/// shifts, ±10 % zoom, 100 epochs) 0.844 / 0.801 / 0.65 / 0.786. Seeds 1 and 2 move each
/// accuracy by up to 0.02.
public struct AugmentationChapter: Chapter {
    public init() {}
    public let number = 8
    public let slug = "augmentation"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["flip-and-shift", "rotation", "zoom", "random-shift"]

    /// The first this many training images train.
    static let trainingImages = 1000
    /// The last this many of the 60,000 training images validate (a sixth; fewer under a sample
    /// limit, the same sixth of what is left).
    static let validationImages = 10_000
    /// The training images whose variants `augmented.png` shows.
    static let sampleImages = 6
    static let variantsPerPolicy = 7

    /// One way of training: `name` is its identifier (`none`, `mild`, `strong`); what a learner
    /// reads for it is in the chapter's words under `run.setting.<name>.…`.
    struct Setting {
        let name: String
        let policy: AugmentationPolicy?
        let epochs: Int
        /// Keras here with the same protocol, seed 42 (`scripts/keras-augmentation.py`).
        let keras: (train: Double, bestValidation: Double, finalValidationLoss: Double, test: Double)
    }

    static let settings = [
        Setting(name: "none", policy: nil, epochs: 60, keras: (0.999, 0.814, 1.33, 0.775)),
        Setting(
            name: "mild", policy: AugmentationPolicy(flipHorizontally: true, rotationDegrees: 5, shiftPixels: 1),
            epochs: 60, keras: (0.920, 0.810, 0.78, 0.793)),
        Setting(
            name: "strong",
            policy: AugmentationPolicy(
                flipHorizontally: true, rotationDegrees: 11, shiftFraction: 0.08,
                zoom: 0.9...1.1),
            epochs: 100, keras: (0.844, 0.801, 0.65, 0.786)),
    ]

    /// The rows of `rows` training images that train and that validate: the first
    /// `trainingImages` train, the last sixth validates (rows 50,000–59,999 of 60,000; the last
    /// 333 of a 2,000-image sample), and the two never share a row.
    static func split(trainingRows rows: Int) -> (training: Range<Int>, validation: Range<Int>) {
        let validation = min(rows, max(1, rows * validationImages / FashionMNIST.trainingCount))
        let training = min(trainingImages, rows - validation)
        return (0..<training, rows - validation..<rows)
    }

    /// The images each part of a run sees: training and validation images both come from the
    /// training set, from its two ends; the test images are evaluated once, after training.
    struct Sets {
        var training: (x: Matrix, y: Matrix)
        var validation: (x: Matrix, y: Matrix)
        var test: (x: Matrix, y: Matrix)

        init(_ data: FashionMNIST) {
            let rows = AugmentationChapter.split(trainingRows: data.trainImages.rows)
            training = (data.trainImages.rows(rows.training), data.trainLabels.rows(rows.training))
            validation = (data.trainImages.rows(rows.validation), data.trainLabels.rows(rows.validation))
            test = (data.testImages, data.testLabels)
        }
    }

    /// What a run arrives at: how many images each part used, and the same figures for each
    /// setting, in the order of `settings`.
    public struct Result: Sendable, Equatable {
        public struct Figures: Sendable, Equatable {
            public var epochs: Int
            /// Training accuracy over the last epoch (of augmented images, where augmented).
            public var trainAccuracy: Double
            public var bestValidationAccuracy: Double
            public var finalValidationAccuracy: Double
            public var finalValidationLoss: Double
            /// Training minus validation accuracy after the last epoch.
            public var gap: Double
            /// The test images, evaluated once, after the last epoch.
            public var testAccuracy: Double
            public var testLoss: Double
        }

        public var trainingImages: Int
        public var validationImages: Int
        public var testImages: Int
        public var none: Figures
        public var mild: Figures
        public var strong: Figures
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)
        let sets = Sets(data)
        let (x, y) = sets.training
        console.say(
            words(
                "run.training",
                [
                    "count": Format.grouped(x.rows),
                    "validation": Format.grouped(sets.validation.x.rows),
                    "test": Format.grouped(sets.test.x.rows),
                ]))
        let folder = try context.pictureFolder(for: self)
        try writeSamples(x, folder: folder, context: context)

        var outcomes: [(setting: Setting, history: History, figures: Result.Figures)] = []
        for setting in Self.settings {
            let epochs = context.epochs(setting.epochs)
            console.section(heading(setting, epochs: epochs))
            let model = Sequential(
                inputSize: FashionMNIST.pixels,
                [
                    Dense(units: 256, activation: .relu),
                    Dense(units: 128, activation: .relu),
                    Dense(units: 10, activation: .softmax),
                ], seed: context.seed)
            model.compile(
                optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            let augmenter = setting.policy.map { BatchAugmenter(policy: $0, seed: context.seed &+ 8) }
            let history = try model.fit(
                x, y, epochs: epochs, batchSize: 32,
                validationData: sets.validation, seed: context.seed,
                augment: augmenter.map { augmenter in { batch in augmenter(&batch) } },
                verbose: .everyNthEpoch(10), output: console.output)
            let test = try model.evaluate(sets.test.x, sets.test.y)
            let train = Double(history[.accuracy].last ?? 0)
            let finalValidation = Double(history[.valAccuracy].last ?? 0)
            let figures = Result.Figures(
                epochs: epochs, trainAccuracy: train,
                bestValidationAccuracy: Double(history[.valAccuracy].max() ?? 0),
                finalValidationAccuracy: finalValidation,
                finalValidationLoss: Double(history[.valLoss].last ?? 0),
                gap: train - finalValidation,
                testAccuracy: Double(test[.accuracy] ?? 0), testLoss: Double(test[.loss] ?? 0))
            console.say(
                words(
                    "run.test",
                    [
                        "accuracy": Format.fixed(figures.testAccuracy, 3),
                        "loss": Format.fixed(figures.testLoss, 3),
                    ]))
            outcomes.append((setting, history, figures))
        }

        console.section(words("run.summary"))
        console.line(words("run.summary.header"))
        for (setting, _, figures) in outcomes {
            console.line(
                words(
                    "run.summary.row",
                    [
                        "policy": Format.padded(name(setting), 8),
                        "epochs": Format.rightAligned("\(figures.epochs)", 3),
                        "train": Format.fixed(figures.trainAccuracy, 3),
                        "best": Format.fixed(figures.bestValidationAccuracy, 3),
                        "final": Format.fixed(figures.finalValidationAccuracy, 3),
                        "gap": Format.rightAligned(Format.difference(figures.gap, 3), 6),
                        "loss": Format.fixed(figures.finalValidationLoss, 3),
                        "test": Format.fixed(figures.testAccuracy, 3),
                    ]))
        }
        console.line()
        console.line(words("run.summary.keras.header"))
        for (setting, _, _) in outcomes {
            let keras = setting.keras
            console.line(
                words(
                    "run.summary.keras.row",
                    [
                        "policy": Format.padded(name(setting), 16),
                        "kerasTrain": Format.fixed(keras.train, 3), "kerasBest": Format.fixed(keras.bestValidation, 3),
                        "kerasLoss": Format.fixed(keras.finalValidationLoss, 2),
                        "kerasTest": Format.fixed(keras.test, 3),
                    ]))
        }
        console.line()
        console.say(words("run.explanation"))
        console.line()
        let chart = TrainingChart(
            title: words("run.chart.title", ["images": Format.grouped(x.rows)]),
            histories: outcomes.map { (name($0.setting), $0.history) })
        _ = try chart.show(on: console, writingTo: folder, name: "curves")
        console.line()
        console.say(words("run.next"))
        let figures = outcomes.map(\.figures)
        return Result(
            trainingImages: x.rows, validationImages: sets.validation.x.rows, testImages: sets.test.x.rows,
            none: figures[0], mild: figures[1], strong: figures[2])
    }

    /// The setting's name as the table and the chart show it.
    private func name(_ setting: Setting) -> String {
        words("run.setting.\(setting.name).name")
    }

    /// The section title for a setting: its transforms and its epochs.
    private func heading(_ setting: Setting, epochs: Int) -> String {
        let key = "run.setting.\(setting.name).heading"
        guard let policy = setting.policy else { return words(key, ["epochs": "\(epochs)"]) }
        var parts: [String] = []
        if policy.flipHorizontally { parts.append(words("run.transform.flip")) }
        if policy.rotationDegrees > 0 {
            parts.append(words("run.transform.rotation", ["degrees": Format.fixed(policy.rotationDegrees, 0)]))
        }
        if policy.shiftPixels > 0 {
            parts.append(words("run.transform.shift.pixels", ["pixels": Format.fixed(policy.shiftPixels, 0)]))
        }
        if policy.shiftFraction > 0 {
            parts.append(
                words("run.transform.shift.fraction", ["percent": Format.fixed(policy.shiftFraction * 100, 0)]))
        }
        if policy.zoom != 1...1 {
            parts.append(
                words(
                    "run.transform.zoom",
                    [
                        "low": Format.fixed(policy.zoom.lowerBound, 1),
                        "high": Format.fixed(policy.zoom.upperBound, 1),
                    ]))
        }
        return words(key, ["transforms": parts.joined(separator: ", "), "epochs": "\(epochs)"])
    }

    /// Six training images, each followed by seven mild and seven strong variants, as a PNG.
    private func writeSamples(_ x: Matrix, folder: URL, context: ChapterContext) throws {
        var generator = RandomGenerator(seed: context.seed)
        var tiles: [Image] = []
        for row in 0..<min(Self.sampleImages, x.rows) {
            let original = Image(width: 28, height: 28, intensities: x.scalars[row * 784..<(row + 1) * 784])
            tiles.append(original)
            for setting in Self.settings.dropFirst() {
                guard let policy = setting.policy else { continue }
                for _ in 0..<Self.variantsPerPolicy { tiles.append(policy.apply(to: original, using: &generator)) }
            }
        }
        let file = folder.appendingPathComponent("augmented.png")
        let columns = 1 + Self.variantsPerPolicy * (Self.settings.count - 1)
        try PNG.write(Image.grid(tiles, columns: columns, gap: 2, background: 255).enlarged(by: 3), to: file)
        context.console.say(words("run.samples", ["file": file.path]))
    }
}
