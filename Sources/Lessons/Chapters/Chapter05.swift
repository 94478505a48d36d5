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

    public let exerciseSlugs = ["dropout-layer", "dropout-mask"]

    static let epochs = 50
    static let kerasReference = (plain: (validation: 0.8873, test: 0.8819), dropout: (validation: 0.8981, test: 0.8894))

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        var report = ChapterReport()
        console.heading("Chapter 5 · \(title)")
        let data = try FashionExperiment.load(context)

        console.section("Without dropout: the chapter 4 model")
        let plainModel = FashionExperiment.deepModel(seed: context.seed)
        let plain = try FashionExperiment.train(plainModel, data, epochs: Self.epochs, batchSize: 100, context: context)

        console.section("With Dropout(0.25) after the 256 and the 128 layers")
        console.line("""
              Keras: Dense(256, relu), Dropout(0.25), Dense(128, relu), Dropout(0.25), Dense(64, relu),
              Dense(10, softmax): the same 242,762 weights; dropout adds none.
            """)
        let dropoutModel = FashionExperiment.deepModel(seed: context.seed, dropout: 0.25)
        console.line()
        console.line(dropoutModel.summary().description)
        console.line()
        let dropout = try FashionExperiment.train(dropoutModel, data, epochs: Self.epochs, batchSize: 100, context: context)

        console.section("The gap between training and validation")
        console.line("  epoch │ without: train   val    gap │ with dropout: train   val    gap")
        for epoch in [1, 5, 10, 20, 30, 40, 50] where epoch <= Self.epochs {
            func cells(_ outcome: FashionExperiment.Outcome) -> String {
                let train = Double(outcome.history[.accuracy][epoch - 1])
                let validation = Double(outcome.history[.valAccuracy][epoch - 1])
                return "\(Format.fixed(train, 3))  \(Format.fixed(validation, 3))  \(Format.difference(train - validation, 3))"
            }
            console.line("  " + Format.rightAligned("\(epoch)", 5) + " │          " + cells(plain) + " │               " + cells(dropout))
        }
        console.line()
        console.line("  Without dropout the model keeps learning its training images after it has stopped getting")
        console.line("  better on new ones; with dropout the two accuracies stay closer together.")
        console.line()
        let chart = TrainingChart(title: "Dropout(0.25) against none, Fashion-MNIST",
                                  histories: [("without", plain.history), ("dropout", dropout.history)])
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "curves")

        console.section("Summary")
        console.line("  model            final train   final val    gap     test     Keras here (val / test)")
        for (name, outcome, keras) in [("without dropout", plain, Self.kerasReference.plain),
                                       ("with dropout", dropout, Self.kerasReference.dropout)] {
            console.line("  " + Format.padded(name, 16) + "   " + Format.fixed(outcome.finalTrainAccuracy, 4)
                         + "      " + Format.fixed(outcome.finalValidationAccuracy, 4) + "    "
                         + Format.fixed(outcome.gap, 4) + "   " + Format.fixed(outcome.testAccuracy, 4)
                         + "   " + Format.fixed(keras.validation, 4) + " / " + Format.fixed(keras.test, 4))
        }
        for (key, outcome) in [("without", plain), ("dropout", dropout)] {
            report.record("\(key) val accuracy", outcome.finalValidationAccuracy)
            report.record("\(key) test accuracy", outcome.testAccuracy)
            report.record("\(key) gap", outcome.gap)
        }
        console.line()
        console.line("Next: 'lesson 6 run' stops training at the right moment instead.")
        return report
    }
}
