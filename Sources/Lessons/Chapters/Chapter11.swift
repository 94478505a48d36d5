import Augment
import Foundation
import NNKit

/// Chapter 11: saving a trained model, loading it back, and predicting with it (혼공머신 7-3's
/// 모델 저장과 복원 and 콜백).
///
/// The tutorial's Dense(100) + Dropout(0.3) network trained with two ModelCheckpoints (Keras's
/// default and best-only), saved whole and as weights only, in NNKit's and in Keras's formats;
/// the two classic loading mistakes and what they print; then predictions on test images, with
/// their top three classes and the most confident mistakes.
public struct SaveLoadChapter: Chapter {
    public init() {}
    public let number = 11
    public let slug = "save-load-predict"
    public var runOptions: Set<RunOption> { [.data, .out, .images] }

    public let exerciseSlugs = ["float-bytes", "top-k", "confident-mistakes", "shape-check"]

    static let epochs = 20
    static let batchSize = 32
    /// How many test images the predictions section shows, and how many mistakes it lists.
    static let shownImages = 8
    static let shownMistakes = 6

    /// What a run arrives at.
    public struct Result: Sendable, Equatable {
        /// The epochs (from 1) the two checkpoint files hold, read back from the files.
        public var everyEpochFileEpoch: Int
        public var bestOnlyFileEpoch: Int
        public var testAccuracy: Double
        /// How many of the 10,000 test predictions each reloaded model gives identically.
        public var identicalFromKerasFile: Int
        public var identicalFromWeights: Int
        /// The test accuracy of the model the weights were never loaded into.
        public var untrainedAccuracy: Double
        /// The test images shown, and the most confident mistakes' rows.
        public var shownRows: [Int]
        public var mistakeRows: [Int]
    }

    /// 혼공머신 7-3's network: Flatten, Dense(`units`, relu), Dropout(0.3), Dense(10, softmax),
    /// with 100 units.
    static func model(seed: UInt64, units: Int = 100) -> Sequential {
        let model = Sequential(
            inputSize: FashionMNIST.pixels,
            [
                Dense(units: units, activation: .relu), Dropout(rate: 0.3), Dense(units: 10, activation: .softmax),
            ], seed: seed)
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let epochs = context.epochs(Self.epochs)
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)
        let folder = try context.pictureFolder(for: self)
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

        // Training with Keras's default checkpoint and a best-only one.
        console.section(words("run.train.section"))
        console.say(words("run.train.keras", ["epochs": "\(epochs)", "batch": "\(Self.batchSize)"]))
        let model = Self.model(seed: context.seed)
        let everyEpoch = ModelCheckpoint(path: file("every-epoch.keras"))
        let bestOnly = ModelCheckpoint(path: file("best-model.keras"), saveBestOnly: true)
        let history = try model.fit(
            data.trainImages, data.trainLabels, epochs: epochs, batchSize: Self.batchSize,
            validationSplit: FashionExperiment.validationSplit, seed: context.seed,
            callbacks: [everyEpoch, bestOnly], verbose: .everyNthEpoch(max(1, epochs / 2)),
            output: console.output)
        if let error = everyEpoch.saveError ?? bestOnly.saveError { throw error }
        let validationLosses = history[.valLoss].map(Double.init)
        let heldOut =
            Int(
                (Double(data.trainImages.rows) * (1 - FashionExperiment.validationSplit)).rounded(.down))..<data
            .trainImages.rows
        func heldOutLoss(_ url: URL) throws -> Double {
            let loaded = try Sequential.load(from: url)
            loaded.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            return Double(
                try loaded.evaluate(data.trainImages.rows(heldOut), data.trainLabels.rows(heldOut))[.loss] ?? .nan)
        }
        /// The epoch whose validation loss a file's model reproduces.
        func epochHeld(_ url: URL) throws -> (epoch: Int, loss: Double) {
            let loss = try heldOutLoss(url)
            let epoch =
                validationLosses.indices.min { abs(validationLosses[$0] - loss) < abs(validationLosses[$1] - loss) }
                ?? 0
            return (epoch + 1, loss)
        }
        let every = try epochHeld(everyEpoch.path)
        let best = try epochHeld(bestOnly.path)
        console.line()
        console.say(
            words(
                "run.train.files",
                [
                    "every": everyEpoch.path.lastPathComponent, "everyEpoch": "\(every.epoch)",
                    "everyLoss": Format.fixed(every.loss, 4),
                    "best": bestOnly.path.lastPathComponent, "bestEpoch": "\(best.epoch)",
                    "bestLoss": Format.fixed(best.loss, 4),
                    "epochs": "\(epochs)",
                ]))
        console.say(words("run.train.trap"))

        // Whole model or weights only, in both formats.
        console.section(words("run.files.section"))
        let files: [(name: String, whole: Bool)] = [
            ("model.keras", true), ("model.safetensors", true), ("model.weights.h5", false),
            ("model.weights.safetensors", false),
        ]
        for entry in files {
            if entry.whole { try model.save(to: file(entry.name)) } else { try model.saveWeights(to: file(entry.name)) }
        }
        console.line(words("run.files.header"))
        for entry in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: file(entry.name).path)[.size] as? Int) ?? 0
            console.line(
                words(
                    "run.files.row",
                    [
                        "file": Format.padded(entry.name, 27), "size": Format.rightAligned(Format.grouped(size), 9),
                        "holds": words(entry.whole ? "run.files.whole" : "run.files.weights"),
                    ]))
        }
        console.line()
        let trained = model.predict(data.testImages)
        let test = try model.evaluate(data.testImages, data.testLabels)
        let testAccuracy = Double(test[.accuracy] ?? 0)
        let fromKeras = try Sequential.load(from: file("model.keras"))
        let identicalKeras = Self.identicalRows(fromKeras.predict(data.testImages), trained)
        let rebuilt = Self.model(seed: context.seed &+ 1)
        try rebuilt.loadWeights(from: file("model.weights.h5"))
        let identicalWeights = Self.identicalRows(rebuilt.predict(data.testImages), trained)
        let count = Format.grouped(data.testImages.rows)
        console.say(
            words(
                "run.files.reloaded",
                [
                    "accuracy": Format.fixed(testAccuracy, 4), "count": count,
                    "keras": Format.grouped(identicalKeras),
                    "weights": Format.grouped(identicalWeights),
                ]))

        // The classic mistakes.
        console.section(words("run.mistakes.section"))
        console.say(words("run.mistakes.shape"))
        let otherShape = Self.model(seed: context.seed, units: 64)
        do {
            try otherShape.loadWeights(from: file("model.weights.h5"))
            console.say(words("run.mistakes.shape.loaded"))
        } catch {
            console.say(console.style("  " + String(describing: error), .red))
        }
        console.line()
        console.say(words("run.mistakes.variable"))
        let model1 = Self.model(seed: context.seed &+ 2)
        try model.loadWeights(from: file("model.weights.h5"))
        let untrained = Double(try model1.evaluate(data.testImages, data.testLabels)[.accuracy] ?? 0)
        console.say(
            words(
                "run.mistakes.variable.result",
                [
                    "accuracy": Format.fixed(untrained, 4),
                    "trained": Format.fixed(testAccuracy, 4),
                ]))

        // Predictions.
        console.section(words("run.predict.section"))
        var generator = RandomGenerator(seed: context.seed)
        let chosen = context.imageRows?.filter { $0 < data.testImages.rows }
        let shownRows = chosen ?? Array(generator.permutation(data.testImages.rows).prefix(Self.shownImages))
        console.say(words(chosen == nil ? "run.predict.intro" : "run.predict.chosen", ["count": "\(shownRows.count)"]))
        console.line()
        let probabilities = fromKeras.predict(data.testImages)
        try showPredictions(shownRows, probabilities: probabilities, data: data, console: console)
        let shownFile = file("predictions.png")
        try PNG.write(
            Image.grid(
                shownRows.map { Self.image(data.testImages, row: $0) }, columns: shownRows.count, gap: 2,
                background: 255
            ).enlarged(by: 3), to: shownFile)

        let labels = data.testLabels.scalars.map { Int($0) }
        let mistakes = Self.confidentMistakes(probabilities, labels: labels, count: Self.shownMistakes)
        console.line()
        console.say(
            words(
                "run.predict.mistakes",
                [
                    "count": "\(mistakes.count)",
                    "wrong": Format.grouped(Self.wrongCount(probabilities, labels: labels)),
                    "total": count,
                ]))
        console.line()
        for row in mistakes {
            let top = Self.topClasses(probabilities, row: row, count: 2)
            let text = [
                words("run.predict.mistake.row", ["row": "\(row)", "actual": FashionMNIST.classNames[labels[row]]]),
                words(
                    "run.predict.mistake.predicted",
                    [
                        "predicted": FashionMNIST.classNames[top[0].index],
                        "probability": Format.fixed(Double(top[0].probability), 3),
                    ]),
                words(
                    "run.predict.mistake.second",
                    [
                        "second": FashionMNIST.classNames[top[1].index],
                        "probability": Format.fixed(Double(top[1].probability), 3),
                    ]),
            ]
            Self.showBeside(Self.image(data.testImages, row: row), text: text, console: console)
        }
        let mistakeFile = file("mistakes.png")
        try PNG.write(
            Image.grid(
                mistakes.map { Self.image(data.testImages, row: $0) }, columns: max(1, mistakes.count), gap: 2,
                background: 255
            ).enlarged(by: 3), to: mistakeFile)
        console.line()
        console.say(words("run.predict.written", ["shown": shownFile.path, "mistakes": mistakeFile.path]))

        // The way to Keras.
        console.section(words("run.keras.section"))
        console.say(words("run.keras.intro", ["file": file("model.keras").path]))
        console.line()
        for line in words("run.keras.python", ["file": file("model.keras").path]).split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            console.line("    " + line)
        }
        console.line()
        console.say(words("run.next"))
        return Result(
            everyEpochFileEpoch: every.epoch, bestOnlyFileEpoch: best.epoch, testAccuracy: testAccuracy,
            identicalFromKerasFile: identicalKeras, identicalFromWeights: identicalWeights,
            untrainedAccuracy: untrained, shownRows: shownRows, mistakeRows: mistakes)
    }

    /// Each shown image at half size, with its three likeliest classes as bars beside it.
    private func showPredictions(_ rows: [Int], probabilities: Matrix, data: FashionMNIST, console: Console) throws {
        for row in rows {
            let actual = Int(data.testLabels.scalars[row])
            let top = Self.topClasses(probabilities, row: row, count: 3)
            var text = [
                words(
                    "run.predict.row",
                    [
                        "row": "\(row)", "actual": FashionMNIST.classNames[actual],
                        "mark": console.mark(top[0].index == actual),
                    ])
            ]
            for entry in top {
                let bar = String(repeating: "█", count: Int((Double(entry.probability) * 30).rounded()))
                text.append(
                    Format.padded(FashionMNIST.classNames[entry.index], 12)
                        + Format.rightAligned(Format.fixed(Double(entry.probability), 3), 6) + " "
                        + console.style(bar, .cyan))
            }
            Self.showBeside(Self.image(data.testImages, row: row), text: text, console: console)
        }
    }

    /// An image at half size (14 columns, 7 lines) with lines of text to its right.
    static func showBeside(_ image: Image, text: [String], console: Console) {
        let picture = TerminalImage.lines([image.halved()], captions: [""]).dropLast()
        for (index, line) in picture.enumerated() {
            let words = index >= 1 && index - 1 < text.count ? "   " + text[index - 1] : ""
            console.line("  " + line + words)
        }
        console.line()
    }

    static func image(_ images: Matrix, row: Int) -> Image {
        let start = row * FashionMNIST.pixels
        return Image(
            width: FashionMNIST.imageSide, height: FashionMNIST.imageSide,
            intensities: images.scalars[start..<start + FashionMNIST.pixels])
    }

    /// The `count` likeliest classes of one row of probabilities, likeliest first (the lower
    /// class first on a tie).
    static func topClasses(_ probabilities: Matrix, row: Int, count: Int) -> [(index: Int, probability: Float)] {
        let values = Array(probabilities.scalars[row * probabilities.columns..<(row + 1) * probabilities.columns])
        return values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
            .prefix(count).map { ($0, values[$0]) }
    }

    /// The rows predicted wrongly with the highest probability for the wrong class.
    static func confidentMistakes(_ probabilities: Matrix, labels: [Int], count: Int) -> [Int] {
        let wrong = labels.indices.compactMap { row -> (row: Int, probability: Float)? in
            let top = topClasses(probabilities, row: row, count: 1)[0]
            return top.index == labels[row] ? nil : (row, top.probability)
        }
        return wrong.sorted { $0.probability > $1.probability || ($0.probability == $1.probability && $0.row < $1.row) }
            .prefix(count).map(\.row)
    }

    static func wrongCount(_ probabilities: Matrix, labels: [Int]) -> Int {
        labels.indices.filter { topClasses(probabilities, row: $0, count: 1)[0].index != labels[$0] }.count
    }

    /// How many rows of two prediction matrices are equal, every probability bit for bit.
    static func identicalRows(_ a: Matrix, _ b: Matrix) -> Int {
        guard a.rows == b.rows && a.columns == b.columns else { return 0 }
        return (0..<a.rows).filter { row in
            let range = row * a.columns..<(row + 1) * a.columns
            return a.scalars[range] == b.scalars[range]
        }.count
    }
}
