import Augment
import Foundation
import NNKit

/// Chapter 13: reusing a trained model's layers for a new task with few images (전이 학습).
///
/// 핸즈온 머신러닝 11.2's experiment: model A learns some Fashion-MNIST classes; model B learns
/// others from a few images, from scratch, on A's frozen layers with a new output layer, and then
/// with everything unfrozen at a tenth of the rate; five seeds each. Twice with the book's dense
/// network, once with chapter 12's convolutional base (`Chapter13+Models.swift`).
public struct ReusingLayersChapter: Chapter {
    public init() {}
    public let number = 13
    public let slug = "reusing-layers"
    public var runOptions: Set<RunOption> { [.data, .out] }

    public let exerciseSlugs = ["trainable-count", "trainable-update", "reuse-layers"]

    /// Seeds `seed`, `seed + 1`, … per setting.
    static let seedCount = 5

    /// What a run arrives at: per setting, in `settings`' order, test accuracy on the new task
    /// for each seed, the three ways, and A's on its own classes.
    public struct Result: Sendable, Equatable {
        public struct Figures: Sendable, Equatable {
            public var key: String
            public var scratch: [Double]
            public var frozen: [Double]
            public var fineTuned: [Double]
            public var source: [Double]
        }

        public var settings: [Figures]
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        console.heading(words("run.heading", ["title": title]))
        let data = try FashionExperiment.load(context)
        let folder = try context.pictureFolder(for: self)
        let seeds = (0..<UInt64(Self.seedCount)).map { context.seed &+ $0 }
        let start = ContinuousClock.now

        var figures: [Result.Figures] = []
        var firstRuns: [SeedRun] = []
        for setting in Self.settings {
            console.section(words("run.\(setting.key).section"))
            let schedule = setting.schedule
            console.say(
                words(
                    "run.\(setting.key).intro",
                    [
                        "perClass": "\(setting.perClass)", "source": "\(context.epochs(schedule.sourceEpochs))",
                        "scratch": "\(context.epochs(schedule.scratchEpochs))",
                        "frozen": "\(context.epochs(schedule.frozenEpochs))",
                        "fineTune": "\(context.epochs(schedule.fineTuneEpochs))",
                    ]))
            console.line(words("run.seed.header"))
            var runs: [SeedRun] = []
            for seed in seeds {
                let run = try Self.runSeed(setting, data: data, seed: seed, context: context)
                console.line(
                    words(
                        "run.seed.row",
                        [
                            "seed": Format.rightAligned("\(seed)", 3), "source": Format.fixed(run.source, 3),
                            "scratch": Format.fixed(run.scratch, 3), "frozen": Format.fixed(run.frozen, 3),
                            "fineTuned": Format.fixed(run.fineTuned, 3),
                            "seconds": Format.rightAligned(Format.fixed(run.seconds, 1), 5),
                        ]))
                runs.append(run)
            }
            let first = runs[0]
            if setting.network == .convolutional || setting.key == Self.settings[0].key {
                console.say(words("run.summary.intro"))
                console.line(first.frozenSummary.description)
            }
            console.say(
                words(
                    "run.summary.counts",
                    [
                        "trainable": Format.grouped(first.frozenSummary.trainableCount),
                        "frozen": Format.grouped(first.frozenSummary.nonTrainableCount),
                        "unfrozen": Format.grouped(first.unfrozenTrainable),
                    ]))
            firstRuns.append(first)
            figures.append(
                .init(
                    key: setting.key, scratch: runs.map(\.scratch), frozen: runs.map(\.frozen),
                    fineTuned: runs.map(\.fineTuned), source: runs.map(\.source)))
        }
        let elapsed = seconds(ContinuousClock.now - start)

        console.section(words("run.table.section"))
        table(figures, seeds: seeds, console: console)
        console.say(words("run.table.time", ["seconds": Format.fixed(elapsed, 0)]))
        console.line()
        let chart = SeedRangeChart(
            title: words("run.chart.title"),
            groups: zip(Self.settings, figures).map { setting, figures in
                SeedRangeChart.Group(
                    title: words("run.\(setting.key).name"),
                    rows: [
                        .init(
                            label: words("run.way.scratch"), values: figures.scratch, reference: setting.keras.scratch),
                        .init(label: words("run.way.frozen"), values: figures.frozen, reference: setting.keras.frozen),
                        .init(
                            label: words("run.way.fineTuned"), values: figures.fineTuned,
                            reference: setting.keras.fineTuned),
                    ])
            },
            legend: .init(
                seeds: words("run.chart.seeds"), mean: words("run.chart.mean"), reference: words("run.chart.keras"),
                axis: words("run.chart.axis")))
        for line in chart.terminalLines(console: console) { console.line(line) }
        let chartFile = folder.appendingPathComponent("seeds.svg")
        try chart.write(to: chartFile)
        console.say(Words.shared("picture.written", ["file": chartFile.path]))
        console.line()
        reading(figures, console: console)

        if let convolutional = zip(Self.settings, firstRuns).first(where: { $0.0.network == .convolutional })?.1 {
            console.section(words("run.filters.section"))
            try showFilters(
                source: convolutional.sourceModel, scratch: convolutional.scratchModel, folder: folder,
                console: console)
        }
        console.line()
        console.say(words("run.next"))
        return Result(settings: figures)
    }

    private func table(_ figures: [Result.Figures], seeds: [UInt64], console: Console) {
        func cell(_ values: [Double]) -> String {
            Format.fixed(SeedRangeChart.mean(values), 3) + " " + Format.fixed(values.min() ?? .nan, 3) + "–"
                + Format.fixed(values.max() ?? .nan, 3)
        }
        func cell(_ range: ClosedRange<Double>) -> String {
            "      " + Format.fixed(range.lowerBound, 3) + "–" + Format.fixed(range.upperBound, 3)
        }
        console.say(words("run.table.intro", ["first": "\(seeds.first ?? 0)", "last": "\(seeds.last ?? 0)"]))
        console.line(words("run.table.header"))
        for (setting, figures) in zip(Self.settings, figures) {
            console.line(
                words(
                    "run.table.row",
                    [
                        "setting": Format.padded(words("run.\(setting.key).short"), 21),
                        "scratch": cell(figures.scratch), "frozen": cell(figures.frozen),
                        "fineTuned": cell(figures.fineTuned),
                    ]))
            console.line(
                words(
                    "run.table.row",
                    [
                        "setting": Format.padded("  " + words("run.table.keras"), 21),
                        "scratch": cell(setting.keras.scratch), "frozen": cell(setting.keras.frozen),
                        "fineTuned": cell(setting.keras.fineTuned),
                    ]))
        }
        console.line()
    }

    /// What the means say, setting by setting: whether reuse beat training from scratch, and
    /// for how many seeds.
    private func reading(_ figures: [Result.Figures], console: Console) {
        for (setting, figures) in zip(Self.settings, figures) {
            let scratch = SeedRangeChart.mean(figures.scratch)
            let fineTuned = SeedRangeChart.mean(figures.fineTuned)
            let frozen = SeedRangeChart.mean(figures.frozen)
            let better = zip(figures.fineTuned, figures.scratch).filter { $0 > $1 }.count
            let verdict =
                frozen > scratch && fineTuned > scratch
                ? "above" : frozen < scratch && fineTuned < scratch ? "below" : "mixed"
            console.say(
                words(
                    "run.reading.\(verdict)",
                    [
                        "setting": words("run.\(setting.key).short"), "scratch": Format.fixed(scratch, 3),
                        "frozen": Format.fixed(frozen, 3), "fineTuned": Format.fixed(fineTuned, 3),
                        "better": "\(better)", "seeds": "\(figures.scratch.count)",
                    ]))
        }
        console.line()
        console.say(words("run.reading.meaning"))
    }
}
