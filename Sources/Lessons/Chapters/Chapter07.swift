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

    public let exerciseSlugs = ["batch-normalization", "l2-penalty"]

    static let sigmoidLayers = 6
    static let kerasReference = (without: 0.0987, with: 0.8427)

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        var report = ChapterReport()
        console.heading("Chapter 7 · \(title)")
        var data = try FashionExperiment.load(context)
        FashionExperiment.shuffleTraining(&data, seed: context.seed)

        console.section("Six sigmoid layers, plain: Dense(100, sigmoid) × 6 → Dense(10, softmax)")
        let plain = sigmoidModel(batchNormalization: false, seed: context.seed)
        let plainStart = gradientSizes(plain, data)
        let plainOutcome = try FashionExperiment.train(plain, data, epochs: 5, batchSize: 32, context: context)

        console.section("The same with batch normalization: Dense(100) → BatchNormalization → sigmoid, × 6")
        let normalized = sigmoidModel(batchNormalization: true, seed: context.seed)
        console.line()
        console.line(normalized.summary().description)
        console.line("  (the 1,200 non-trainable parameters are the moving means and variances)")
        console.line()
        let normalizedStart = gradientSizes(normalized, data)
        let normalizedOutcome = try FashionExperiment.train(normalized, data, epochs: 5, batchSize: 32, context: context)

        console.section("Why: the size of each layer's gradient at the start of training")
        console.line("  Root-mean-square of ∂loss/∂kernel for each Dense layer, on one batch of 256 images;")
        console.line("  each bar is a factor of 10 on a log scale.")
        console.line()
        console.line("  layer         without batch normalization          with batch normalization")
        for (index, (without, with)) in zip(plainStart, normalizedStart).enumerated() {
            let name = index == plainStart.count - 1 ? "output" : "dense \(index + 1)"
            console.line("  " + Format.padded(name, 8) + Format.rightAligned(scientific(without), 10) + " " + bar(without)
                         + Format.rightAligned(scientific(with), 10) + " " + bar(with))
        }
        let plainRatio = (plainStart.last ?? 1) / max(plainStart.first ?? 1, 1e-30)
        let normalizedRatio = (normalizedStart.last ?? 1) / max(normalizedStart.first ?? 1, 1e-30)
        console.line()
        console.line("  Without it, the first layer's gradient is \(Format.fixed(plainRatio, 0))× smaller than the output layer's: each")
        console.line("  sigmoid passes back at most a quarter of what it receives, and six of them in a row starve")
        console.line("  the early layers. With it, the ratio is \(Format.fixed(normalizedRatio, 1))×: every layer learns.")
        console.line()
        let chart = TrainingChart(title: "Six sigmoid layers, with and without batch normalization",
                                  histories: [("plain", plainOutcome.history), ("batch norm", normalizedOutcome.history)])
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "batch-normalization")
        console.line("  validation accuracy after 5 epochs: plain \(Format.fixed(plainOutcome.finalValidationAccuracy, 4)) "
                     + "(Keras here \(Format.fixed(Self.kerasReference.without, 4))), with batch normalization "
                     + "\(Format.fixed(normalizedOutcome.finalValidationAccuracy, 4)) (Keras \(Format.fixed(Self.kerasReference.with, 4)))")
        report.record("plain val accuracy", plainOutcome.finalValidationAccuracy)
        report.record("batchnorm val accuracy", normalizedOutcome.finalValidationAccuracy)
        report.record("plain first-layer gradient", plainStart.first ?? 0)
        report.record("batchnorm first-layer gradient", normalizedStart.first ?? 0)

        try regularization(data, context: context, report: &report)
        console.line()
        console.line("Next: 'lesson 7 read' for how batch normalization and weight decay work.")
        return report
    }

    /// 784 → [Dense(100) (→ BatchNormalization) → sigmoid] × 6 → Dense(10, softmax), SGD(0.01).
    private func sigmoidModel(batchNormalization: Bool, seed: UInt64) -> Sequential {
        var layers: [any Layer] = []
        for _ in 0 ..< Self.sigmoidLayers {
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

    /// The root-mean-square gradient of each Dense kernel on the first 256 training images.
    private func gradientSizes(_ model: Sequential, _ data: FashionMNIST) -> [Double] {
        _ = try? model.computeGradients(data.trainImages.rows(0 ..< 256), data.trainLabels.rows(0 ..< 256))
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

    private func regularization(_ data: FashionMNIST, context: ChapterContext, report: inout ChapterReport) throws {
        let console = context.console
        let epochs = 20
        console.section("L2 regularization: the 256-128-64 model, \(epochs) epochs, with and without")
        console.line("""
              Keras: kernel_regularizer=keras.regularizers.l2(0.001) on every Dense layer adds
              0.001 · Σ w² to the loss, so the reported loss includes it.
            """)
        console.line()
        console.line("  Without regularization:")
        let plainModel = FashionExperiment.deepModel(seed: context.seed)
        let plain = try FashionExperiment.train(plainModel, data, epochs: epochs, batchSize: 100, context: context)
        console.line()
        console.line("  With L2(0.001):")
        let decayedModel = FashionExperiment.deepModel(seed: context.seed, regularizer: .l2(0.001))
        let decayed = try FashionExperiment.train(decayedModel, data, epochs: epochs, batchSize: 100, context: context)

        console.line()
        console.line("  Σ w² of each kernel after \(epochs) epochs:")
        let plainNorms = plainModel.layers.compactMap { $0 as? Dense }.map { $0.kernel.value.scalars.reduce(0) { $0 + $1 * $1 } }
        let decayedNorms = decayedModel.layers.compactMap { $0 as? Dense }.map { $0.kernel.value.scalars.reduce(0) { $0 + $1 * $1 } }
        for (index, (plainNorm, decayedNorm)) in zip(plainNorms, decayedNorms).enumerated() {
            console.line("    dense \(index + 1): " + Format.rightAligned(Format.fixed(plainNorm, 1), 8) + " without, "
                         + Format.rightAligned(Format.fixed(decayedNorm, 1), 8) + " with L2")
        }
        console.line()
        console.line("  train − validation accuracy gap: \(Format.fixed(plain.gap, 4)) without, \(Format.fixed(decayed.gap, 4)) with L2;"
                     + " test accuracy \(Format.fixed(plain.testAccuracy, 4)) and \(Format.fixed(decayed.testAccuracy, 4)).")
        console.line("  The penalty keeps the weights small, and a model with small weights cannot bend itself around")
        console.line("  every training image: the gap narrows.")
        let chart = TrainingChart(title: "L2(0.001) against none, Fashion-MNIST",
                                  histories: [("without", plain.history), ("L2", decayed.history)])
        console.line()
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "l2-regularization")
        report.record("without L2 gap", plain.gap)
        report.record("with L2 gap", decayed.gap)
        report.record("without L2 weight norm", Double(plainNorms.reduce(0, +)))
        report.record("with L2 weight norm", Double(decayedNorms.reduce(0, +)))
    }
}
