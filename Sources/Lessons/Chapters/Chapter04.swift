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

    public let exerciseSlugs = ["softmax-crossentropy", "confusion-matrix", "softmax-gradient", "mini-batches"]

    /// A validation and a test accuracy: what Keras reached, or what a model here did.
    struct Reference {
        let validation: Double
        let test: Double
    }

    /// The tutorials' numbers as Keras gives them on this machine (seed 42), for comparison.
    static let kerasReference = (
        softmax: Reference(validation: 0.8458, test: 0.8360),
        hidden100: Reference(validation: 0.8715, test: 0.8614),
        deep: Reference(validation: 0.8873, test: 0.8819)
    )

    /// What the run arrives at: the data's shape, each model's accuracies, the deep model's
    /// accuracy per class.
    public struct Result: Sendable, Equatable {
        /// One model's figures: its last validation accuracy, its test accuracy and loss.
        public struct Model: Sendable, Equatable {
            public var validationAccuracy: Double
            public var testAccuracy: Double
            public var testLoss: Double
        }

        public var trainImages: Int
        public var testImages: Int
        /// Training images per class, by class number.
        public var classCounts: [Int]
        /// The first ten training labels.
        public var firstLabels: [Int]
        public var softmax: Model
        public var hidden100: Model
        public var deep: Model
        /// The deep model's share of each class's test images predicted correctly.
        public var classAccuracy: [Double]
    }

    /// What `showData` found.
    private struct DataFigures {
        let trainImages: Int
        let testImages: Int
        let classCounts: [Int]
        let firstLabels: [Int]
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        console.heading(words("run.heading", ["title": title]))

        console.section(words("run.data"))
        let start = ContinuousClock.now
        var data = try context.fashionMNIST()
        console.line(
            words(
                "run.data.read",
                [
                    "path": context.dataDirectory.path,
                    "seconds": Format.fixed(seconds(ContinuousClock.now - start), 2),
                ]))
        let figures = try showData(data, context: context)

        // Models 1 and 2 hold out a random 20 % (the tutorials' train_test_split(test_size=0.2)):
        // shuffle the rows once with the seed, then validationSplit takes the last 20 %.
        var shuffler = RandomGenerator(seed: context.seed)
        let order = shuffler.permutation(data.trainImages.rows)
        data.trainImages.permuteRows(order)
        data.trainLabels.permuteRows(order)

        console.section(words("run.model1.title"))
        console.say(words("run.model1.intro"))
        let softmax = Sequential(
            inputSize: FashionMNIST.pixels, [Dense(units: 10, activation: .softmax)],
            seed: context.seed)
        softmax.compile(optimizer: RMSprop(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        let softmaxResult = try train(
            softmax, keras: Self.kerasReference.softmax, data: data, epochs: context.epochs(5),
            batchSize: 32, context: context
        ).result

        console.section(words("run.model2.title"))
        console.say(words("run.model2.intro"))
        let hidden = Sequential(
            inputSize: FashionMNIST.pixels,
            [
                Dense(units: 100, activation: .relu),
                Dense(units: 10, activation: .softmax),
            ], seed: context.seed)
        hidden.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        let hiddenResult = try train(
            hidden, keras: Self.kerasReference.hidden100, data: data, epochs: context.epochs(5),
            batchSize: 32, context: context
        ).result

        // Model 3 follows validation_split=0.2 on the data in its original order, as the tutorial.
        var inverse = [Int](repeating: 0, count: order.count)
        for (position, source) in order.enumerated() { inverse[source] = position }
        data.trainImages.permuteRows(inverse)
        data.trainLabels.permuteRows(inverse)

        console.section(words("run.model3.title"))
        console.say(words("run.model3.intro"))
        let deep = Sequential(
            inputSize: FashionMNIST.pixels,
            [
                Dense(units: 256, activation: .relu),
                Dense(units: 128, activation: .relu),
                Dense(units: 64, activation: .relu),
                Dense(units: 10, activation: .softmax),
            ], seed: context.seed)
        deep.compile(optimizer: Adam(learningRate: 1e-4), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        console.line()
        console.line(deep.summary().description)
        console.line()
        let (deepHistory, deepResult) = try train(
            deep, keras: Self.kerasReference.deep, data: data,
            epochs: context.epochs(50), batchSize: 100,
            validationSplit: 0.2, context: context)
        console.line()
        let chart = TrainingChart(
            title: words("run.model3.chart"), histories: [(words("run.model3.series"), deepHistory)])
        _ = try chart.show(on: console, writingTo: try context.pictureFolder(for: self), name: "curves")

        console.section(words("run.confusion", ["count": Format.grouped(data.testImages.rows)]))
        let predicted = deep.predict(data.testImages, batchSize: 1000).argmaxPerRow()
        let confusion = ConfusionMatrix(
            classNames: FashionMNIST.classNames, predicted: predicted,
            actual: data.testLabels.scalars.map { Int($0) })
        for line in confusion.lines(console: console) { console.line(line) }
        console.line()
        console.line(words("run.confusion.top"))
        for cell in confusion.topConfusions(4) {
            console.line(
                words(
                    "run.confusion.row",
                    [
                        "actual": Format.padded(FashionMNIST.classNames[cell.actual], 12),
                        "predicted": Format.padded(FashionMNIST.classNames[cell.predicted], 12),
                        "count": "\(cell.count)",
                    ]))
        }

        console.section(words("run.summary"))
        console.line(words("run.summary.header"))
        for (name, model, result, keras) in [
            (words("run.summary.softmax"), softmax, softmaxResult, Self.kerasReference.softmax),
            (words("run.summary.hidden100"), hidden, hiddenResult, Self.kerasReference.hidden100),
            (words("run.summary.deep"), deep, deepResult, Self.kerasReference.deep),
        ] {
            console.line(
                words(
                    "run.summary.row",
                    [
                        "name": Format.padded(name, 21),
                        "params": Format.rightAligned("\(model.summary().totalCount)", 9),
                        "validation": Format.fixed(result.validationAccuracy, 4),
                        "test": Format.fixed(result.testAccuracy, 4),
                        "kerasValidation": Format.fixed(keras.validation, 4), "kerasTest": Format.fixed(keras.test, 4),
                    ]))
        }
        if let file = context.modelFile {
            try deep.save(to: file)
            console.line()
            console.say(words("run.saved", ["path": file.path]))
        }
        console.line()
        console.say(words("run.next"))
        return Result(
            trainImages: figures.trainImages, testImages: figures.testImages, classCounts: figures.classCounts,
            firstLabels: figures.firstLabels, softmax: softmaxResult, hidden100: hiddenResult, deep: deepResult,
            classAccuracy: confusion.perClassAccuracy)
    }

    private func showData(_ data: FashionMNIST, context: ChapterContext) throws -> DataFigures {
        let console = context.console
        let trainCount = data.trainImages.rows
        let testCount = data.testImages.rows
        console.line(words("run.data.train", ["count": "\(trainCount)"]))
        console.line(words("run.data.test", ["count": "\(testCount)"]))
        var perClass = [Int](repeating: 0, count: 10)
        for label in data.trainLabels.scalars { perClass[Int(label)] += 1 }
        console.say(words("run.data.perClass", ["counts": perClass.map(String.init).joined(separator: ", ")]))
        let firstTen = data.trainLabels.scalars.prefix(10).map { Int($0) }
        console.say(
            words(
                "run.data.firstLabels",
                [
                    "labels": firstTen.map(String.init).joined(separator: ", "),
                    "names": firstTen.map { FashionMNIST.classNames[$0] }.joined(separator: ", "),
                ]))

        // The first image of each class, in the terminal.
        let firstOfClass = (0..<10).compactMap { c in data.trainLabels.scalars.firstIndex(of: Float(c)) }
        let images = firstOfClass.map { sampleImage(data.trainImages, row: $0) }
        let captions = firstOfClass.map { row in
            let label = Int(data.trainLabels.scalars[row])
            return words("run.data.caption", ["number": "\(label)", "name": FashionMNIST.classNames[label]])
        }
        console.line()
        // Half size, five to a row: 80 columns. The PNG sheet below has them whole.
        for start in stride(from: 0, to: images.count, by: 5) {
            let end = min(images.count, start + 5)
            for line in TerminalImage.lines(
                images[start..<end].map { $0.halved() }, captions: Array(captions[start..<end]))
            {
                console.line("  " + line)
            }
        }
        // Ten of each class as a PNG: one row per class.
        var grid: [Image] = []
        for c in 0..<10 {
            let rows = data.trainLabels.scalars.indices.filter { data.trainLabels.scalars[$0] == Float(c) }.prefix(10)
            grid += rows.map { sampleImage(data.trainImages, row: $0) }
        }
        let file = try context.pictureFolder(for: self).appendingPathComponent("samples.png")
        try PNG.write(Image.grid(grid, columns: 10, gap: 2, background: 255).enlarged(by: 3), to: file)
        console.line()
        console.say(words("run.data.samples", ["path": file.path]))
        return DataFigures(trainImages: trainCount, testImages: testCount, classCounts: perClass, firstLabels: firstTen)
    }

    private func sampleImage(_ images: Matrix, row: Int) -> Image {
        let start = row * FashionMNIST.pixels
        return Image(width: 28, height: 28, intensities: images.scalars[start..<start + FashionMNIST.pixels])
    }

    private func train(
        _ model: Sequential, keras: Reference, data: FashionMNIST, epochs: Int, batchSize: Int,
        validationSplit: Double = 0.2, context: ChapterContext
    ) throws -> (history: History, result: Result.Model) {
        let history = try model.fit(
            data.trainImages, data.trainLabels, epochs: epochs, batchSize: batchSize,
            validationSplit: validationSplit, seed: context.seed, output: context.console.output)
        let test = try model.evaluate(data.testImages, data.testLabels)
        let result = Result.Model(
            validationAccuracy: Double(history[.valAccuracy].last ?? 0),
            testAccuracy: Double(test[.accuracy] ?? 0), testLoss: Double(test[.loss] ?? 0))
        context.console.say(
            words(
                "run.model.result",
                [
                    "validation": Format.fixed(result.validationAccuracy, 4),
                    "kerasValidation": Format.fixed(keras.validation, 4),
                    "test": Format.fixed(result.testAccuracy, 4), "kerasTest": Format.fixed(keras.test, 4),
                    "loss": Format.fixed(result.testLoss, 4),
                ]))
        return (history, result)
    }
}
