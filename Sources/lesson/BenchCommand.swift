import ArgumentParser
import Foundation
import Lessons
import NNKit

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training speed, data loading, memory and start-up on this machine.",
        discussion: """
            Trains chapter 4's 784-256-128-64-10 model on 48,000 Fashion-MNIST images (batch 100,
            Adam) and prints seconds per epoch, images per second, GFLOP/s, the BLAS thread count
            and peak memory; then times loading the dataset and 'lesson list'. Build in release
            mode first (./lesson does): debug builds are many times slower.
            """
    )

    @Option(help: "Epochs to time, \(OptionRange.text(OptionRange.benchEpochs)) (the median is reported).")
    var epochs: Int = 5

    @Option(help: "Threads for matrix products, \(OptionRange.text(OptionRange.threads)) (default: every core).")
    var threads: Int?

    @Option(help: ArgumentHelp("Folder with the Fashion-MNIST files (default: $FASHION_MNIST_DIR, else \(FashionMNIST.defaultDirectory)).",
                               valueName: "dir"))
    var data: String?

    func validate() throws {
        try OptionRange.check(epochs, in: OptionRange.benchEpochs, option: "--epochs")
        if let threads { try OptionRange.check(threads, in: OptionRange.threads, option: "--threads", unit: " (the cores here)") }
    }

    func run() throws {
        if let threads { BLAS.threadCount = threads }
        var benchmark = Benchmark(dataDirectory: FashionMNIST.directory(option: data),
                                  console: Console(StandardOutput.shared),
                                  executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        benchmark.epochs = epochs
        try benchmark.run()
    }
}
