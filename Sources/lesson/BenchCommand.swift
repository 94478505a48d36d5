import ArgumentParser
import Foundation
import Lessons

struct BenchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bench", abstract: HelpWords.text("bench.abstract"),
            usage: HelpWords.text("bench.usage"), discussion: HelpWords.text("bench.discussion"))
    }

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            words: "bench.epochs", ["range": OptionRange.text(OptionRange.benchEpochs)], value: "benchEpochs"))
    var epochs: Int?

    @Option(
        name: .customLong("cnn-epochs"), parsing: .unconditional,
        help: ArgumentHelp(
            words: "bench.cnnEpochs", ["range": OptionRange.text(OptionRange.benchEpochs)], value: "cnnEpochs"))
    var convolutionEpochs: Int?

    @Flag(name: .customLong("cnn-only"), help: ArgumentHelp(words: "bench.cnnOnly"))
    var convolutionOnly = false

    @Flag(name: .customLong("batch-sizes"), help: ArgumentHelp(words: "bench.batchSizes"))
    var batchSizes = false

    @OptionGroup var threads: ThreadsOption

    @OptionGroup var data: DataOption

    func validate() throws {
        if let epochs { try OptionRange.check(epochs, in: OptionRange.benchEpochs, option: "--epochs") }
        if let convolutionEpochs {
            try OptionRange.check(convolutionEpochs, in: OptionRange.benchEpochs, option: "--cnn-epochs")
        }
        // --batch-sizes runs its own fixed schedule: an option it would ignore is refused.
        let ignored = [
            (epochs != nil, "--epochs"), (convolutionEpochs != nil, "--cnn-epochs"),
            (convolutionOnly, "--cnn-only"),
        ].filter(\.0).map(\.1)
        if batchSizes, !ignored.isEmpty {
            throw ValidationError(Words.shared("bench.batchSizesAlone", ["options": ignored.joined(separator: ", ")]))
        }
    }

    func run() throws {
        threads.apply()
        var benchmark = Benchmark(
            dataDirectory: data.directory,
            console: Console.standardOutput,
            executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        benchmark.epochs = epochs ?? 5
        benchmark.convolutionEpochs = convolutionEpochs ?? 2
        benchmark.convolutionOnly = convolutionOnly
        benchmark.batchSizesOnly = batchSizes
        try benchmark.run()
    }
}
