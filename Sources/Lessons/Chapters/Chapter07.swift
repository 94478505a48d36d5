import Foundation
import NNKit

/// Chapter 7: vanishing gradients, batch normalization, and L2 regularization.
///
/// 784-[100 sigmoid]×6-10 with SGD(0.01), batch 32, 5 epochs: without batch normalization the
/// validation accuracy stays at chance (Keras here 0.0987); with Dense → BatchNormalization →
/// sigmoid in every layer it climbs to about 0.84. Then L2(0.001) on the 256-128-64 model.
public struct BatchNormalizationChapter: Chapter {
    public init() {}
    public let number = 7
    public let slug = "batch-normalization"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = [
        "batch-normalization", "l2-penalty", "batch-normalization-backward", "vanishing-gradient",
    ]

    static let sigmoidLayers = 6
    static let sigmoidEpochs = 5
    /// The images the gradients at the start of training are measured on.
    static let gradientBatch = 256
    static let regularizationEpochs = 20
    static let l2Factor: Float = 0.001
    static let kerasReference = (without: 0.0987, with: 0.8427)

    /// What a run arrives at: the sigmoid networks without and with batch normalization, then
    /// the 256-128-64 model without and with L2.
    public struct Result: Sendable, Equatable {
        public var plainValidationAccuracy: Double
        public var batchNormValidationAccuracy: Double
        /// The root-mean-square gradient of the first Dense kernel at the start of training.
        public var plainFirstLayerGradient: Double
        public var batchNormFirstLayerGradient: Double
        public var regularization: Regularization
    }

    /// The L2 experiment's figures: train − validation accuracy gaps and the sums of squared
    /// kernel weights after training.
    public struct Regularization: Sendable, Equatable {
        public var withoutL2Gap: Double
        public var withL2Gap: Double
        public var withoutL2WeightNorm: Double
        public var withL2WeightNorm: Double
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let epochs = context.epochs(Self.sigmoidEpochs)
        console.heading(words("run.heading", ["title": title]))
        var data = try FashionExperiment.load(context)
        FashionExperiment.shuffleTraining(&data, seed: context.seed)

        console.section(words("run.plain.section"))
        let plain = sigmoidModel(batchNormalization: false, seed: context.seed)
        let plainStart = gradientSizes(plain, data)
        let plainOutcome = try FashionExperiment.train(plain, data, epochs: epochs, batchSize: 32, context: context)

        console.section(words("run.normalized.section"))
        let normalized = sigmoidModel(batchNormalization: true, seed: context.seed)
        let summary = normalized.summary()
        console.line()
        console.line(summary.description)
        console.say(words("run.normalized.moving", ["count": Format.grouped(summary.nonTrainableCount)]))
        console.line()
        let normalizedStart = gradientSizes(normalized, data)
        let normalizedOutcome = try FashionExperiment.train(
            normalized, data, epochs: epochs, batchSize: 32, context: context)

        console.section(words("run.gradients.section"))
        console.say(words("run.gradients.intro", ["images": "\(min(Self.gradientBatch, data.trainImages.rows))"]))
        console.line()
        console.line(words("run.gradients.header"))
        for (index, (without, with)) in zip(plainStart, normalizedStart).enumerated() {
            let name =
                index == plainStart.count - 1
                ? words("run.gradients.output")
                : words("run.gradients.dense", ["index": "\(index + 1)"])
            console.line(
                "  " + Format.padded(name, 8) + Format.rightAligned(scientific(without), 10) + " " + bar(without)
                    + Format.rightAligned(scientific(with), 10) + " " + bar(with))
        }
        let plainRatio = (plainStart.last ?? 1) / max(plainStart.first ?? 1, 1e-30)
        let normalizedRatio = (normalizedStart.last ?? 1) / max(normalizedStart.first ?? 1, 1e-30)
        console.line()
        console.say(
            words(
                "run.gradients.explanation",
                [
                    "plainRatio": Format.fixed(plainRatio, 0),
                    "normalizedRatio": Format.fixed(normalizedRatio, 1),
                ]))
        console.line()
        let chart = TrainingChart(
            title: words("run.chart.title"),
            histories: [
                (words("run.chart.plain"), plainOutcome.history),
                (words("run.chart.normalized"), normalizedOutcome.history),
            ])
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "batch-normalization")
        console.say(
            words(
                "run.validation",
                [
                    "epochs": "\(epochs)", "plain": Format.fixed(plainOutcome.finalValidationAccuracy, 4),
                    "kerasPlain": Format.fixed(Self.kerasReference.without, 4),
                    "normalized": Format.fixed(normalizedOutcome.finalValidationAccuracy, 4),
                    "kerasNormalized": Format.fixed(Self.kerasReference.with, 4),
                ]))

        let regularization = try regularization(data, context: context)
        console.line()
        console.say(words("run.next"))
        return Result(
            plainValidationAccuracy: plainOutcome.finalValidationAccuracy,
            batchNormValidationAccuracy: normalizedOutcome.finalValidationAccuracy,
            plainFirstLayerGradient: plainStart.first ?? 0, batchNormFirstLayerGradient: normalizedStart.first ?? 0,
            regularization: regularization)
    }

    /// 784 → [Dense(100) (→ BatchNormalization) → sigmoid] × 6 → Dense(10, softmax), SGD(0.01).
    private func sigmoidModel(batchNormalization: Bool, seed: UInt64) -> Sequential {
        var layers: [any Layer] = []
        for _ in 0..<Self.sigmoidLayers {
            if batchNormalization {
                layers += [Dense(units: 100), BatchNormalization(), Activation(.sigmoid)] as [any Layer]
            } else {
                layers.append(Dense(units: 100, activation: .sigmoid))
            }
        }
        layers.append(Dense(units: 10, activation: .softmax))
        let model = Sequential(inputSize: FashionMNIST.pixels, layers, seed: seed)
        model.compile(optimizer: SGD(learningRate: 0.01), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    /// The root-mean-square gradient of each Dense kernel on the first 256 training images (or
    /// all of them, when fewer were loaded).
    private func gradientSizes(_ model: Sequential, _ data: FashionMNIST) -> [Double] {
        let batch = 0..<min(Self.gradientBatch, data.trainImages.rows)
        _ = try? model.computeGradients(data.trainImages.rows(batch), data.trainLabels.rows(batch))
        // computeGradients ran BatchNormalization in training mode, which moves its statistics;
        // put them back so the measurement does not change the model that is then trained.
        for layer in model.layers {
            if let normalization = layer as? BatchNormalization {
                normalization.movingMean.value = Matrix(rows: 1, columns: normalization.outputSize)
                normalization.movingVariance.value = Matrix(rows: 1, columns: normalization.outputSize, repeating: 1)
            }
        }
        return model.layers.compactMap { $0 as? Dense }.map { dense in
            let squares = dense.kernel.gradient.scalars.reduce(0) { $0 + Double($1) * Double($1) }
            return (squares / Double(dense.kernel.gradient.count)).squareRoot()
        }
    }

    private func scientific(_ value: Double) -> String {
        String(format: "%.1e", value)
    }

    /// A bar whose length is the value's order of magnitude above 1e-9.
    private func bar(_ value: Double) -> String {
        let length = max(0, min(9, Int((log10(max(value, 1e-12)) + 9).rounded())))
        return String(repeating: "█", count: length) + String(repeating: " ", count: 10 - length)
    }

    private func regularization(_ data: FashionMNIST, context: ChapterContext) throws -> Regularization {
        let console = context.console
        let epochs = context.epochs(Self.regularizationEpochs)
        let factor = Format.fixed(Self.l2Factor, 3)
        console.section(words("run.l2.section", ["epochs": "\(epochs)"]))
        console.say(words("run.l2.keras", ["factor": factor]))
        console.line()
        console.say(words("run.l2.without"))
        let plainModel = FashionExperiment.deepModel(seed: context.seed)
        let plain = try FashionExperiment.train(plainModel, data, epochs: epochs, batchSize: 100, context: context)
        console.line()
        console.say(words("run.l2.with", ["factor": factor]))
        let decayedModel = FashionExperiment.deepModel(seed: context.seed, regularizer: .l2(Self.l2Factor))
        let decayed = try FashionExperiment.train(decayedModel, data, epochs: epochs, batchSize: 100, context: context)

        console.line()
        console.say(words("run.l2.norms", ["epochs": "\(epochs)"]))
        let plainNorms = plainModel.layers.compactMap { $0 as? Dense }.map {
            $0.kernel.value.scalars.reduce(0) { $0 + $1 * $1 }
        }
        let decayedNorms = decayedModel.layers.compactMap { $0 as? Dense }.map {
            $0.kernel.value.scalars.reduce(0) { $0 + $1 * $1 }
        }
        for (index, (plainNorm, decayedNorm)) in zip(plainNorms, decayedNorms).enumerated() {
            console.line(
                words(
                    "run.l2.norms.row",
                    [
                        "index": "\(index + 1)",
                        "without": Format.rightAligned(Format.fixed(plainNorm, 1), 8),
                        "with": Format.rightAligned(Format.fixed(decayedNorm, 1), 8),
                    ]))
        }
        console.line()
        console.say(
            words(
                "run.l2.result",
                [
                    "plainGap": Format.fixed(plain.gap, 4), "decayedGap": Format.fixed(decayed.gap, 4),
                    "plainTest": Format.fixed(plain.testAccuracy, 4),
                    "decayedTest": Format.fixed(decayed.testAccuracy, 4),
                ]))
        console.say(words("run.l2.explanation"))
        let chart = TrainingChart(
            title: words("run.l2.chart.title", ["factor": factor]),
            histories: [
                (words("run.l2.chart.plain"), plain.history),
                (words("run.l2.chart.decayed"), decayed.history),
            ])
        console.line()
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "l2-regularization")
        return Regularization(
            withoutL2Gap: plain.gap, withL2Gap: decayed.gap,
            withoutL2WeightNorm: Double(plainNorms.reduce(0, +)),
            withL2WeightNorm: Double(decayedNorms.reduce(0, +)))
    }
}
