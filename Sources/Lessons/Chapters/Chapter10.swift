import Foundation
import NNKit

/// Chapter 10: choosing the learning rate and the batch size (핸즈온 머신러닝 chapter 10).
///
/// A learning-rate range test on chapter 4's 256-128-64 model with SGD (one epoch, the rate
/// growing from 1e-5 to 10), three short runs at the suggested rate and ten times either side,
/// then batch sizes 16 to 1024 with Adam(1e-3): time per epoch, images per second, accuracy after
/// the same number of epochs and after the same number of seconds.
public struct LearningRateChapter: Chapter {
    public init() {}
    public let number = 10
    public let slug = "learning-rate"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["exponential-decay", "range-test-rate", "suggest-rate", "warm-up"]

    static let rangeStart: Float = 1e-5
    static let rangeEnd: Float = 10
    static let rangeBatchSize = 32
    /// Epochs of each of the three runs at and around the suggested rate.
    static let rateEpochs = 3
    static let batchSizes = [16, 32, 64, 128, 256, 512, 1024]
    static let batchEpochs = 3
    /// The same-time comparison: each batch size trains for at least this long.
    static let timeBudget = 4.0

    /// What a run arrives at. Everything here is the same for the same seed; the seconds and
    /// the same-time column the run prints depend on the machine and are left out.
    public struct Result: Sendable, Equatable {
        /// The rate where the smoothed range-test loss was lowest, and half of it.
        public var lowestLossRate: Double
        public var suggestedRate: Double
        /// Validation accuracy after `rateEpochs` at a tenth of, at, and ten times the suggestion.
        public var rateAccuracies: [Double]
        /// Validation accuracy after `batchEpochs` epochs, by batch size.
        public var batchAccuracies: [Double]
    }

    /// Chapter 4's 784-256-128-64-10 network, built with `seed`.
    static func model(seed: UInt64, optimizer: any Optimizer) -> Sequential {
        let model = Sequential(
            inputSize: FashionMNIST.pixels,
            [
                Dense(units: 256, activation: .relu), Dense(units: 128, activation: .relu),
                Dense(units: 64, activation: .relu), Dense(units: 10, activation: .softmax),
            ], seed: seed)
        model.compile(optimizer: optimizer, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)
        let folder = try context.pictureFolder(for: self)

        // The range test: one epoch, the rate multiplied by the same factor every step.
        console.section(words("run.range.section"))
        let trainingCount = Int(
            (Double(data.trainImages.rows) * (1 - FashionExperiment.validationSplit)).rounded(.down))
        let steps = max(2, (trainingCount + Self.rangeBatchSize - 1) / Self.rangeBatchSize)
        let schedule = ExponentialRange(from: Self.rangeStart, to: Self.rangeEnd, steps: steps)
        console.say(
            words(
                "run.range.intro",
                [
                    "steps": Format.grouped(steps), "batch": "\(Self.rangeBatchSize)",
                    "from": Format.rate(Double(Self.rangeStart)),
                    "to": Format.rate(Double(Self.rangeEnd)),
                ]))
        let rangeOptimizer = SGD(learningRate: Self.rangeStart)
        rangeOptimizer.learningRateSchedule = schedule
        let recorder = RangeTestRecorder(schedule: schedule)
        _ = try Self.model(seed: context.seed, optimizer: rangeOptimizer)
            .fit(
                data.trainImages, data.trainLabels, epochs: 1, batchSize: Self.rangeBatchSize,
                validationSplit: FashionExperiment.validationSplit, seed: context.seed, callbacks: [recorder],
                output: console.output)
        let curve = RangeTestCurve(rates: recorder.rates, losses: recorder.losses)
        let lowest = curve.lowest
        // 핸즈온 머신러닝's rule: the loss turns up at its lowest point, the largest rate that
        // still helps; a constant rate of about half of that trains best.
        let suggested = lowest.rate / 2
        console.line()
        let marks = [
            RangeTestCurve.Mark(rate: lowest.rate, label: words("run.range.mark.lowest")),
            RangeTestCurve.Mark(rate: suggested, label: words("run.range.mark.suggested")),
        ]
        for line in curve.terminalLines(marks: marks, console: console) { console.line(line) }
        let rangeFile = folder.appendingPathComponent("range-test.svg")
        try AtomicFile.write(
            Data(
                curve.svg(
                    marks: marks, title: words("run.range.svg.title"),
                    xLabel: words("run.range.axis.rate"),
                    yLabel: words("run.range.axis.loss")
                ).utf8), to: rangeFile)
        console.say(Words.shared("picture.written", ["file": rangeFile.path]))
        console.line()
        var reading = [
            "lowest": Format.rate(lowest.rate), "loss": Format.fixed(lowest.loss, 3),
            "suggested": Format.rate(suggested), "tenth": Format.rate(lowest.rate / 10),
        ]
        if let climb = curve.divergence {
            reading["climb"] = Format.rate(climb)
            console.say(words("run.range.reading", reading))
        } else {
            console.say(words("run.range.reading.noclimb", reading))
        }

        // Three runs: the suggestion, and ten times either side.
        let epochs = context.epochs(Self.rateEpochs)
        console.section(words("run.rates.section"))
        console.say(words("run.rates.intro", ["epochs": "\(epochs)"]))
        var rateAccuracies: [Double] = []
        var rateRows: [(rate: Double, history: History)] = []
        for rate in [suggested / 10, suggested, suggested * 10] {
            console.line()
            console.line("  " + console.style("SGD(learning_rate=\(Format.rate(rate)))", .bold))
            let history = try Self.model(seed: context.seed, optimizer: SGD(learningRate: Float(rate)))
                .fit(
                    data.trainImages, data.trainLabels, epochs: epochs, batchSize: Self.rangeBatchSize,
                    validationSplit: FashionExperiment.validationSplit, seed: context.seed,
                    verbose: .everyNthEpoch(epochs), output: console.output)
            rateRows.append((rate, history))
            rateAccuracies.append(Double(history[.valAccuracy].last ?? .nan))
        }
        console.line()
        console.line(words("run.rates.header"))
        for (index, row) in rateRows.enumerated() {
            let loss = Double(row.history[.valLoss].last ?? .nan)
            let name = words(["run.rates.smaller", "run.rates.suggested", "run.rates.larger"][index])
            console.line(
                words(
                    "run.rates.row",
                    [
                        "name": Format.padded(name, 16), "rate": Format.rightAligned(Format.rate(row.rate), 8),
                        "loss": loss.isFinite ? Format.fixed(loss, 3) : words("run.rates.diverged"),
                        "accuracy": Format.fixed(rateAccuracies[index], 3),
                    ]))
        }
        console.line()
        console.say(words("run.rates.reading"))

        // Batch sizes, with Adam(1e-3) as the tutorial does.
        let batchEpochs = context.epochs(Self.batchEpochs)
        console.section(words("run.batch.section"))
        console.say(
            words("run.batch.intro", ["epochs": "\(batchEpochs)", "seconds": Format.fixed(Self.timeBudget, 0)]))
        console.line()
        console.line(
            words("run.batch.header", ["epochs": "\(batchEpochs)", "seconds": Format.fixed(Self.timeBudget, 0)]))
        var batchAccuracies: [Double] = []
        var rows: [(batch: Int, seconds: Double, imagesPerSecond: Double)] = []
        for batchSize in Self.batchSizes {
            let budget = BudgetStop(
                minimumEpochs: batchEpochs, seconds: context.epochLimit == nil ? Self.timeBudget : 0)
            let timer = EpochTimer()
            let history = try Self.model(seed: context.seed, optimizer: Adam(learningRate: 1e-3))
                .fit(
                    data.trainImages, data.trainLabels, epochs: 1_000, batchSize: batchSize,
                    validationSplit: FashionExperiment.validationSplit, seed: context.seed,
                    callbacks: [timer, budget], verbose: .silent)
            let accuracy = history[.valAccuracy].map(Double.init)
            let atEpochs = accuracy[min(batchEpochs, accuracy.count) - 1]
            batchAccuracies.append(atEpochs)
            // The last epoch that ended within the budget (the first, if none did).
            let withinBudget = max(1, budget.elapsed.filter { $0 <= Self.timeBudget }.count)
            let epochSeconds = timer.medianEpoch
            let imagesPerSecond = Double(trainingCount) / max(median(timer.trainingPasses), 1e-9)
            rows.append((batchSize, epochSeconds, imagesPerSecond))
            let keras = Benchmark.kerasBatchSizes.first { $0.batchSize == batchSize }
            console.line(
                words(
                    "run.batch.row",
                    [
                        "batch": Format.rightAligned("\(batchSize)", 5),
                        "seconds": Format.rightAligned(Format.fixed(epochSeconds, 2), 7),
                        "images": Format.rightAligned(Format.grouped(Int(imagesPerSecond)), 9),
                        "bar": Format.padded(
                            String(repeating: "█", count: Int((imagesPerSecond / 12_000).rounded())), 12),
                        "accuracy": Format.fixed(atEpochs, 3),
                        "epochsInTime": Format.rightAligned("\(withinBudget)", 3),
                        "accuracyInTime": Format.fixed(accuracy[withinBudget - 1], 3),
                        "ratio": keras.map { Format.fixed(epochSeconds / $0.seconds, 2) } ?? " - ",
                    ]))
        }
        console.line()
        if let sixteen = rows.first, let kerasSixteen = Benchmark.kerasBatchSizes.first {
            console.say(
                words(
                    "run.batch.keras",
                    [
                        "ours": Format.fixed(sixteen.seconds, 1), "keras": Format.fixed(kerasSixteen.seconds, 1),
                        "times": Format.fixed(kerasSixteen.seconds / max(sixteen.seconds, 1e-9), 1),
                    ]))
            console.line()
        }
        console.say(words("run.batch.reading"))
        console.line()
        console.say(words("run.next"))
        return Result(
            lowestLossRate: lowest.rate, suggestedRate: suggested, rateAccuracies: rateAccuracies,
            batchAccuracies: batchAccuracies)
    }
}

/// The range test's schedule: `from` at the first step, `to` at step `steps − 1`, multiplied by
/// the same factor every step in between (a straight line on a log axis).
struct ExponentialRange: LearningRateSchedule {
    let from: Float
    let to: Float
    let steps: Int

    func learningRate(atStep step: Int) -> Float {
        let fraction = Double(min(step, steps - 1)) / Double(max(steps - 1, 1))
        return Float(Double(from) * pow(Double(to) / Double(from), fraction))
    }
}

/// Records each batch's rate and loss during the range test. `fit`'s batch logs hold the
/// running mean of the epoch so far; each batch's own loss is recovered from two of them.
final class RangeTestRecorder: Callback {
    let schedule: ExponentialRange
    private(set) var rates: [Double] = []
    private(set) var losses: [Double] = []
    private var previousMean = 0.0

    init(schedule: ExponentialRange) {
        self.schedule = schedule
    }

    func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) {
        let mean = Double(logs[.loss] ?? .nan)
        let loss = mean * Double(batch + 1) - previousMean * Double(batch)
        previousMean = mean
        rates.append(Double(schedule.learningRate(atStep: batch)))
        losses.append(loss)
    }
}

/// Stops `fit` once at least `minimumEpochs` epochs are done and `seconds` have passed since
/// training began; `elapsed` holds the time at the end of each epoch.
final class BudgetStop: Callback {
    let minimumEpochs: Int
    let seconds: Double
    private(set) var elapsed: [Double] = []
    private var start = ContinuousClock.now

    init(minimumEpochs: Int, seconds: Double) {
        self.minimumEpochs = minimumEpochs
        self.seconds = seconds
    }

    func onTrainBegin(model: Sequential, parameters: TrainingParameters) { start = .now }

    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        elapsed.append(Lessons.seconds(ContinuousClock.now - start))
        if epoch + 1 >= minimumEpochs && elapsed.last ?? 0 >= seconds { model.stopTraining = true }
    }
}
