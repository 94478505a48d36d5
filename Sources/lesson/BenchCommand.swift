import ArgumentParser
import Foundation
import Lessons

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training speed, data loading, memory and start-up on this machine.",
        usage: "lesson bench [<options>]",
        discussion: """
            Trains chapter 4's 784-256-128-64-10 model on 48,000 Fashion-MNIST images (batch 100, \
            Adam), then chapter 12's convolutional network (batch 32), and prints seconds per \
            epoch, images per second, GFLOP/s, the BLAS thread count and peak memory; then times \
            augmentation, loading the dataset and 'lesson list'. Build in release mode first \
            (./lesson does): debug builds are many times slower. scripts/bench-against-keras runs \
            the convolutional network here and in Keras, one after the other.
            """
    )

    @Option(
        parsing: .unconditional,
        help: "Epochs to time, \(OptionRange.text(OptionRange.benchEpochs)) (the median is reported).")
    var epochs: Int?

    @Option(
        name: .customLong("cnn-epochs"), parsing: .unconditional,
        help:
            "Epochs of the convolutional network to time, \(OptionRange.text(OptionRange.benchEpochs)) (several seconds each)."
    )
    var convolutionEpochs: Int?

    @Flag(name: .customLong("cnn-only"), help: "Time only the convolutional network.")
    var convolutionOnly = false

    @Flag(
        name: .customLong("batch-sizes"),
        help: "Instead, train chapter 4's model at batch sizes 16 to 1024 (3 epochs each) beside Keras's figures.")
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
