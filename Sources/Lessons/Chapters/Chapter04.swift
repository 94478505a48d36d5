import Augment
import Foundation
import NNKit

/// Chapter 4: Fashion-MNIST, the tutorials' real dataset, classified three ways.
///
/// Softmax regression (Keras here: val 0.8458, test 0.8360), one hidden layer of 100 relu units
/// (val 0.8715, test 0.8614), and the 784-256-128-64-10 network with Adam(1e-4), batch 100,
/// validation_split 0.2 and 50 epochs (242,762 parameters; val 0.8873, test 0.8819).
public struct FashionMNISTChapter: Chapter {
    public init() {}
    public let number = 4
    public let slug = "fashion-mnist"
    public var runOptions: Set<RunOption> { [.data, .save, .out] }

    public let exerciseSlugs = ["softmax-crossentropy", "confusion-matrix"]

    /// The tutorials' numbers as Keras gives them on this machine (seed 42), for comparison.
    static let kerasReference: [String: (validation: Double, test: Double)] = [
        "softmax": (0.8458, 0.8360), "hidden100": (0.8715, 0.8614), "deep": (0.8873, 0.8819),
    ]

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        var report = ChapterReport()
        console.heading("Chapter 4 · \(title)")

        console.section("The data")
        let start = ContinuousClock.now
        var data = try FashionMNIST.load(from: context.dataDirectory)
        console.line("  Read \(context.dataDirectory.path) in \(Format.fixed(seconds(ContinuousClock.now - start), 2)) s.")
        try showData(data, context: context, report: &report)

        // Models 1 and 2 hold out a random 20 % (the tutorials' train_test_split(test_size=0.2)):
        // shuffle the rows once with the seed, then validationSplit takes the last 20 %.
        var shuffler = RandomGenerator(seed: context.seed)
        let order = shuffler.permutation(data.trainImages.rows)
        data.trainImages.permuteRows(order)
        data.trainLabels.permuteRows(order)

        console.section("Model 1 · Softmax regression: Dense(10, softmax)")
        console.line("""
              Each class gets one weight per pixel; softmax turns the ten scores into probabilities.
              Keras: Dense(10, activation="softmax"), optimizer="rmsprop", 5 epochs, batch 32.
            """)
        let softmax = Sequential(inputSize: FashionMNIST.pixels, [Dense(units: 10, activation: .softmax)],
                                 seed: context.seed)
        softmax.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        try train(softmax, key: "softmax", data: data, epochs: 5, batchSize: 32, context: context, report: &report)

        console.section("Model 2 · One hidden layer: Dense(100, relu) → Dense(10, softmax)")
        console.line("  Keras: the same with Dense(100, activation=\"relu\") first, optimizer=\"adam\", 5 epochs.")
        let hidden = Sequential(inputSize: FashionMNIST.pixels, [
            Dense(units: 100, activation: .relu),
            Dense(units: 10, activation: .softmax),
        ], seed: context.seed)
        hidden.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        try train(hidden, key: "hidden100", data: data, epochs: 5, batchSize: 32, context: context, report: &report)

        // Model 3 follows validation_split=0.2 on the data in its original order, as the tutorial.
        var inverse = [Int](repeating: 0, count: order.count)
        for (position, source) in order.enumerated() { inverse[source] = position }
        data.trainImages.permuteRows(inverse)
        data.trainLabels.permuteRows(inverse)

        console.section("Model 3 · Deeper: 784 → 256 → 128 → 64 → 10")
        console.line("""
              Keras: Dense(256, relu), Dense(128, relu), Dense(64, relu), Dense(10, softmax),
              Adam(learning_rate=1e-4), batch_size=100, validation_split=0.2, 50 epochs.
            """)
        let deep = Sequential(inputSize: FashionMNIST.pixels, [
            Dense(units: 256, activation: .relu),
            Dense(units: 128, activation: .relu),
            Dense(units: 64, activation: .relu),
            Dense(units: 10, activation: .softmax),
        ], seed: context.seed)
        deep.compile(optimizer: Adam(learningRate: 1e-4), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        console.line()
        console.line(deep.summary().description)
        console.line()
        let deepHistory = try train(deep, key: "deep", data: data, epochs: 50, batchSize: 100,
                                    validationSplit: 0.2, context: context, report: &report)
        console.line()
        let chart = TrainingChart(title: "784-256-128-64-10 on Fashion-MNIST", histories: [("deep", deepHistory)])
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "curves")

        console.section("Where the deep model goes wrong (10,000 test images)")
        let predicted = deep.predict(data.testImages, batchSize: 1000).argmaxPerRow()
        let confusion = ConfusionMatrix(classNames: FashionMNIST.classNames, predicted: predicted,
                                        actual: data.testLabels.scalars.map { Int($0) })
        for line in confusion.lines(console: console) { console.line(line) }
        console.line()
        console.line("  Most often confused (true → predicted):")
        for cell in confusion.topConfusions(4) {
            console.line("    \(Format.padded(FashionMNIST.classNames[cell.actual], 12)) → "
                         + "\(Format.padded(FashionMNIST.classNames[cell.predicted], 12)) \(cell.count) times")
        }
        for (index, accuracy) in confusion.perClassAccuracy.enumerated() {
            report.record("class \(index) accuracy", accuracy)
        }

        console.section("Summary")
        console.line("  model                        params    val acc   test acc   Keras here (val / test)")
        for (key, name, model) in [("softmax", "softmax regression", softmax), ("hidden100", "Dense(100) + softmax", hidden),
                                   ("deep", "256-128-64", deep)] {
            let keras = Self.kerasReference[key] ?? (0, 0)
            console.line("  " + Format.padded(name, 26) + Format.rightAligned("\(model.summary().totalCount)", 9)
                         + "    " + Format.fixed(report["\(key) val accuracy"] ?? 0, 4)
                         + "     " + Format.fixed(report["\(key) test accuracy"] ?? 0, 4)
                         + "     " + Format.fixed(keras.validation, 4) + " / " + Format.fixed(keras.test, 4))
        }
        if let file = context.modelFile {
            try deep.save(to: file)
            console.line()
            console.line("Saved the deep model to \(file.path). Check it with 'lesson evaluate \(file.path)'.")
        }
        console.line()
        console.line("Next: 'lesson 4 read' explains the numbers; 'lesson check 4' grades this chapter's exercises.")
        return report
    }

    private func showData(_ data: FashionMNIST, context: ChapterContext, report: inout ChapterReport) throws {
        let console = context.console
        let trainCount = data.trainImages.rows
        let testCount = data.testImages.rows
        console.line("  train images (\(trainCount), 28, 28)   train labels (\(trainCount),)")
        console.line("  test images  (\(testCount), 28, 28)   test labels  (\(testCount),)")
        var perClass = [Int](repeating: 0, count: 10)
        for label in data.trainLabels.scalars { perClass[Int(label)] += 1 }
        console.line("  images per class in training: " + perClass.map(String.init).joined(separator: ", "))
        let firstTen = data.trainLabels.scalars.prefix(10).map { Int($0) }
        console.line("  first ten labels: [" + firstTen.map(String.init).joined(separator: ", ") + "]  = "
                     + firstTen.map { FashionMNIST.classNames[$0] }.joined(separator: ", "))
        report.record("train images", Double(trainCount))
        report.record("test images", Double(testCount))
        for (index, count) in perClass.enumerated() { report.record("class \(index) count", Double(count)) }
        for (index, label) in firstTen.enumerated() { report.record("label \(index)", Double(label)) }

        // The first image of each class, in the terminal.
        let firstOfClass = (0 ..< 10).compactMap { c in data.trainLabels.scalars.firstIndex(of: Float(c)) }
        let images = firstOfClass.map { sampleImage(data.trainImages, row: $0) }
        console.line()
        for start in stride(from: 0, to: images.count, by: 4) {
            let end = min(images.count, start + 4)
            for line in TerminalImage.lines(Array(images[start ..< end]),
                                            captions: (start ..< end).map { "\($0) \(FashionMNIST.classNames[$0])" }) {
                console.line("  " + line)
            }
        }
        // Ten of each class as a PNG: one row per class.
        var grid: [Image] = []
        for c in 0 ..< 10 {
            let rows = data.trainLabels.scalars.indices.filter { data.trainLabels.scalars[$0] == Float(c) }.prefix(10)
            grid += rows.map { sampleImage(data.trainImages, row: $0) }
        }
        let file = try context.pictureFolder(for: self).appendingPathComponent("samples.png")
        try PNG.write(Image.grid(grid, columns: 10, gap: 2, background: 255).enlarged(by: 3), to: file)
        console.line()
        console.line("  Ten training images of each class, one class per row: \(file.path)")
    }

    private func sampleImage(_ images: Matrix, row: Int) -> Image {
        let start = row * FashionMNIST.pixels
        return Image(width: 28, height: 28, intensities: images.scalars[start ..< start + FashionMNIST.pixels])
    }

    @discardableResult
    private func train(_ model: Sequential, key: String, data: FashionMNIST, epochs: Int, batchSize: Int,
                       validationSplit: Double = 0.2, context: ChapterContext, report: inout ChapterReport) throws -> History {
        let history = try model.fit(data.trainImages, data.trainLabels, epochs: epochs, batchSize: batchSize,
                                    validationSplit: validationSplit, seed: context.seed, output: context.console.output)
        let test = try model.evaluate(data.testImages, data.testLabels)
        let validation = Double(history[.valAccuracy].last ?? 0)
        let testAccuracy = Double(test[.accuracy] ?? 0)
        let keras = Self.kerasReference[key] ?? (0, 0)
        context.console.line("  validation accuracy \(Format.fixed(validation, 4)) (Keras here \(Format.fixed(keras.validation, 4)))   "
                             + "test accuracy \(Format.fixed(testAccuracy, 4)) (Keras \(Format.fixed(keras.test, 4)))   "
                             + "test loss \(Format.fixed(Double(test[.loss] ?? 0), 4))")
        report.record("\(key) val accuracy", validation)
        report.record("\(key) test accuracy", testAccuracy)
        report.record("\(key) test loss", Double(test[.loss] ?? 0))
        return history
    }
}
