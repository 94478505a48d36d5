import Foundation
import NNKit

/// Chapter 9: what an optimizer does with a gradient, six of them on the same network.
///
/// 혼공머신 7-2's model, Dense(100, relu) + Dense(10, softmax), 5 epochs, batch 32,
/// validation_split 0.2, from the same starting weights with SGD, momentum, Nesterov, Adagrad,
/// RMSprop and Adam; then the same six optimizers on a two-parameter valley, where their paths
/// can be drawn.
public struct OptimizersChapter: Chapter {
    public init() {}
    public let number = 9
    public let slug = "optimizers"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["momentum", "rmsprop", "adam", "adam-bias-correction"]

    static let epochs = 5
    static let batchSize = 32

    /// One optimizer of the comparison: how the table names it, how it is made, and what Keras
    /// 3.15 reached with it here (seed 42, validation accuracy by epoch, final validation loss).
    struct Contender {
        var name: String
        var make: @Sendable () -> any Optimizer
        var kerasAccuracy: [Double]
        var kerasLoss: Double
    }

    static let contenders: [Contender] = [
        Contender(
            name: "SGD(0.01)", make: { SGD(learningRate: 0.01) },
            kerasAccuracy: [0.810, 0.829, 0.836, 0.842, 0.846], kerasLoss: 0.439),
        Contender(
            name: "momentum 0.9", make: { SGD(learningRate: 0.01, momentum: 0.9) },
            kerasAccuracy: [0.838, 0.847, 0.858, 0.865, 0.871], kerasLoss: 0.357),
        Contender(
            name: "Nesterov", make: { SGD(learningRate: 0.01, momentum: 0.9, nesterov: true) },
            kerasAccuracy: [0.841, 0.850, 0.859, 0.863, 0.867], kerasLoss: 0.365),
        Contender(
            name: "Adagrad(0.01)", make: { Adagrad(learningRate: 0.01) },
            kerasAccuracy: [0.830, 0.842, 0.850, 0.855, 0.857], kerasLoss: 0.406),
        Contender(
            name: "RMSprop()", make: { RMSprop() },
            kerasAccuracy: [0.853, 0.863, 0.867, 0.872, 0.873], kerasLoss: 0.372),
        Contender(
            name: "Adam()", make: { Adam() },
            kerasAccuracy: [0.844, 0.857, 0.867, 0.873, 0.877], kerasLoss: 0.353),
    ]

    /// What a run arrives at: each optimizer's last validation figures, in the table's order,
    /// and where each one's path on the valley ended.
    public struct Result: Sendable, Equatable {
        public struct Figures: Sendable, Equatable {
            public var name: String
            public var validationAccuracy: [Double]
            public var validationLoss: Double
        }

        public var optimizers: [Figures]
        /// The valley's height where each optimizer's path ended, in the same order.
        public var valleyEnds: [Double]
    }

    /// 혼공머신 7-2's network, built with `seed`: every optimizer starts from the same weights.
    static func model(seed: UInt64, optimizer: any Optimizer) -> Sequential {
        let model = Sequential(
            inputSize: FashionMNIST.pixels,
            [
                Dense(units: 100, activation: .relu),
                Dense(units: 10, activation: .softmax),
            ], seed: seed)
        model.compile(optimizer: optimizer, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let epochs = context.epochs(Self.epochs)
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)
        let folder = try context.pictureFolder(for: self)

        console.section(words("run.training.section"))
        console.say(words("run.training.keras", ["epochs": "\(epochs)", "batch": "\(Self.batchSize)"]))
        var histories: [(name: String, history: History)] = []
        for contender in Self.contenders {
            console.line()
            console.line("  " + console.style(contender.name, .bold))
            let model = Self.model(seed: context.seed, optimizer: contender.make())
            let history = try model.fit(
                data.trainImages, data.trainLabels, epochs: epochs, batchSize: Self.batchSize,
                validationSplit: FashionExperiment.validationSplit, seed: context.seed,
                verbose: .everyNthEpoch(epochs), output: console.output)
            histories.append((contender.name, history))
        }

        console.section(words("run.table.section"))
        console.line(words("run.table.header", ["epochs": "\(epochs)"]))
        var figures: [Result.Figures] = []
        for (contender, entry) in zip(Self.contenders, histories) {
            let accuracy = entry.history[.valAccuracy].map(Double.init)
            let loss = Double(entry.history[.valLoss].last ?? .nan)
            figures.append(.init(name: contender.name, validationAccuracy: accuracy, validationLoss: loss))
            let ours = accuracy.map { Format.fixed($0, 3) }.joined(separator: " ")
            let keras =
                contender.kerasAccuracy.count >= epochs ? Format.fixed(contender.kerasAccuracy[epochs - 1], 3) : "  -  "
            console.line(
                words(
                    "run.table.row",
                    [
                        "name": Format.padded(contender.name, 14), "accuracy": Format.padded(ours, 29),
                        "loss": Format.fixed(loss, 3), "keras": keras,
                        "kerasLoss": Format.fixed(contender.kerasLoss, 3),
                    ]))
        }
        console.line()
        if epochs == Self.epochs {
            let worst = figures.min { ($0.validationAccuracy.last ?? 0) < ($1.validationAccuracy.last ?? 0) }
            console.say(words("run.table.reading", ["last": worst?.name ?? ""]))
        } else {
            console.say(words("run.table.short", ["epochs": "\(Self.epochs)"]))
        }
        console.line()
        let series = zip(Self.contenders.indices, histories).map { index, entry in
            TrainingChart.Series(
                name: entry.name, values: entry.history[.valLoss].map(Double.init),
                color: SVG.colors[index], dashed: false, glyph: TrainingChart.trainGlyphs[index])
        }
        let chart = TrainingChart(
            title: words("run.chart.title"),
            panels: [.init(title: Words.shared("chart.panel.validationLoss"), series: series)])
        _ = try chart.show(on: console, writingTo: folder, name: "validation-loss")

        console.section(words("run.valley.section"))
        console.say(words("run.valley.intro", ["steps": "\(OptimizerValley.steps)"]))
        console.line()
        let paths = OptimizerValley.contenders.map { OptimizerValley.path(of: $0.make()) }
        for line in OptimizerValley.terminalLines(paths: paths, console: console) { console.line(line) }
        let file = folder.appendingPathComponent("valley.svg")
        try AtomicFile.write(
            Data(OptimizerValley.svg(paths: paths, title: words("run.valley.svg.title")).utf8), to: file)
        console.say(Words.shared("picture.written", ["file": file.path]))
        console.line()
        console.say(words("run.valley.reading"))
        console.line()
        console.say(words("run.next"))
        return Result(optimizers: figures, valleyEnds: paths.map { OptimizerValley.height($0.last ?? (0, 0)) })
    }
}
