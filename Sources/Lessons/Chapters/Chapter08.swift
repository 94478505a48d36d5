import Augment
import Foundation
import NNKit

/// Chapter 8: data augmentation on a small training set.
///
/// A 256-128 MLP on 1,000 training images, Adam(1e-3), batch 32, validated on the 10,000 test
/// images. Keras here: without augmentation train 0.98, best validation 0.810, final validation
/// loss 1.01; with horizontal flips, ±5° rotations and ±1 pixel shifts on the fly, train 0.91,
/// best validation 0.817, final validation loss 0.68; with strong shifts (±8 %), ±11° and ±10 %
/// zoom for 100 epochs, best validation 0.794.
public struct AugmentationChapter: Chapter {
    public init() {}
    public let number = 8
    public let slug = "augmentation"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["flip-and-shift", "rotation"]

    static let trainingImages = 1000
    struct Setting {
        let name: String
        let policy: AugmentationPolicy?
        let epochs: Int
        let keras: (train: Double, bestValidation: Double, finalValidationLoss: Double?)
    }

    static let settings = [
        Setting(name: "none", policy: nil, epochs: 60, keras: (0.98, 0.810, 1.01)),
        Setting(name: "mild", policy: AugmentationPolicy(flipHorizontally: true, rotationDegrees: 5, shiftPixels: 1),
                epochs: 60, keras: (0.91, 0.817, 0.68)),
        Setting(name: "strong", policy: AugmentationPolicy(flipHorizontally: true, rotationDegrees: 11, shiftFraction: 0.08,
                                                           zoom: 0.9 ... 1.1),
                epochs: 100, keras: (0.83, 0.794, nil)),
    ]

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        var report = ChapterReport()
        console.heading("Chapter 8 · \(title)")
        var data = try FashionExperiment.load(context)
        FashionExperiment.shuffleTraining(&data, seed: context.seed)
        let x = data.trainImages.rows(0 ..< Self.trainingImages)
        let y = data.trainLabels.rows(0 ..< Self.trainingImages)
        console.line("  Training on the first \(Self.trainingImages) of the shuffled training images; validating on the 10,000 test images.")
        let folder = try context.pictureFolder(for: self)
        try writeSamples(x, folder: folder, context: context)

        var outcomes: [(setting: Setting, history: History)] = []
        for setting in Self.settings {
            console.section(describe(setting))
            let model = Sequential(inputSize: FashionMNIST.pixels, [
                Dense(units: 256, activation: .relu),
                Dense(units: 128, activation: .relu),
                Dense(units: 10, activation: .softmax),
            ], seed: context.seed)
            model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            let augmenter = setting.policy.map { BatchAugmenter(policy: $0, seed: context.seed &+ 8) }
            let history = try model.fit(x, y, epochs: setting.epochs, batchSize: 32,
                                        validationData: (data.testImages, data.testLabels), seed: context.seed,
                                        augment: augmenter.map { augmenter in { batch in augmenter(&batch) } },
                                        verbose: .everyNthEpoch(10), output: console.output)
            outcomes.append((setting, history))
            let train = Double(history[.accuracy].last ?? 0)
            let best = Double(history[.valAccuracy].max() ?? 0)
            let finalLoss = Double(history[.valLoss].last ?? 0)
            report.record("\(setting.name) train accuracy", train)
            report.record("\(setting.name) best val accuracy", best)
            report.record("\(setting.name) final val accuracy", Double(history[.valAccuracy].last ?? 0))
            report.record("\(setting.name) final val loss", finalLoss)
            report.record("\(setting.name) gap", train - Double(history[.valAccuracy].last ?? 0))
        }

        console.section("What augmentation changed")
        console.line("  policy   epochs   train acc   best val acc   final val acc   gap      final val loss   Keras here (train / best val / final val loss)")
        for (setting, _) in outcomes {
            let name = setting.name
            let keras = setting.keras
            console.line("  " + Format.padded(name, 8) + Format.rightAligned("\(setting.epochs)", 6)
                         + "     " + Format.fixed(report["\(name) train accuracy"] ?? 0, 3)
                         + "        " + Format.fixed(report["\(name) best val accuracy"] ?? 0, 3)
                         + "          " + Format.fixed(report["\(name) final val accuracy"] ?? 0, 3)
                         + "       " + Format.fixed(report["\(name) gap"] ?? 0, 3)
                         + "    " + Format.fixed(report["\(name) final val loss"] ?? 0, 3)
                         + "            " + Format.fixed(keras.train, 2) + " / " + Format.fixed(keras.bestValidation, 3)
                         + " / " + (keras.finalValidationLoss.map { Format.fixed($0, 2) } ?? "–"))
        }
        console.line()
        console.line("  Mild augmentation narrows the gap and keeps the validation loss from running away. Strong")
        console.line("  shifts hurt this network: a dense layer gives every pixel position its own weights, so a")
        console.line("  shirt moved by two pixels is, to it, a different pattern; a convolution would not care.")
        console.line()
        let chart = TrainingChart(title: "1,000 Fashion-MNIST images: no, mild and strong augmentation",
                                  histories: outcomes.map { ($0.setting.name, $0.history) })
        _ = try chart.show(on: console, writingTo: folder, name: "curves")
        console.line()
        console.line("Next: 'lesson augment' transforms your own PNG files the same way; 'lesson 8 read' explains.")
        return report
    }

    private func describe(_ setting: Setting) -> String {
        guard let policy = setting.policy else { return "No augmentation, \(setting.epochs) epochs" }
        var parts: [String] = []
        if policy.flipHorizontally { parts.append("horizontal flips") }
        if policy.rotationDegrees > 0 { parts.append("±\(Format.fixed(policy.rotationDegrees, 0))° rotation") }
        if policy.shiftPixels > 0 { parts.append("±\(Format.fixed(policy.shiftPixels, 0)) pixel shifts") }
        if policy.shiftFraction > 0 { parts.append("±\(Format.fixed(policy.shiftFraction * 100, 0)) % shifts") }
        if policy.zoom != 1 ... 1 { parts.append("zoom \(Format.fixed(policy.zoom.lowerBound, 1))–\(Format.fixed(policy.zoom.upperBound, 1))") }
        return "\(setting.name.capitalized): " + parts.joined(separator: ", ") + ", \(setting.epochs) epochs"
    }

    /// Six training images, each followed by seven mild and seven strong variants, as a PNG.
    private func writeSamples(_ x: Matrix, folder: URL, context: ChapterContext) throws {
        var generator = RandomGenerator(seed: context.seed)
        var tiles: [Image] = []
        for row in 0 ..< 6 {
            let original = Image(width: 28, height: 28, intensities: x.scalars[row * 784 ..< (row + 1) * 784])
            tiles.append(original)
            for setting in Self.settings.dropFirst() {
                guard let policy = setting.policy else { continue }
                for _ in 0 ..< 7 { tiles.append(policy.apply(to: original, using: &generator)) }
            }
        }
        let file = folder.appendingPathComponent("augmented.png")
        try PNG.write(Image.grid(tiles, columns: 15, gap: 2, background: 255).enlarged(by: 3), to: file)
        context.console.line("  Six training images, each with seven mild then seven strong variants: \(file.path)")
    }
}
