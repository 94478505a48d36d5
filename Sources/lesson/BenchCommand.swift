import ArgumentParser
import Foundation
import Lessons

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training speed, data loading, memory and start-up on this machine.",
        discussion: """
            Trains chapter 4's 784-256-128-64-10 model on 48,000 Fashion-MNIST images (batch 100, \
            Adam) and prints seconds per epoch, images per second, GFLOP/s, the BLAS thread count \
            and peak memory; then times loading the dataset and 'lesson list'. Build in release mode \
            first (./lesson does): debug builds are many times slower.
            """
    )

    @Option(parsing: .unconditional, help: "Epochs to time, \(OptionRange.text(OptionRange.benchEpochs)) (the median is reported).")
    var epochs: Int = 5

    @OptionGroup var threads: ThreadsOption

    @OptionGroup var data: DataOption

    func validate() throws {
        try OptionRange.check(epochs, in: OptionRange.benchEpochs, option: "--epochs")
    }

    func run() throws {
        threads.apply()
        var benchmark = Benchmark(dataDirectory: data.directory,
                                  console: Console.standardOutput,
                                  executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        benchmark.epochs = epochs
        try benchmark.run()
    }
}
