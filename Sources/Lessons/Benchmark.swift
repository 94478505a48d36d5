import Augment
import Foundation
import NNKit

/// Measures what the playground promises about speed: training the tutorial's 256-128-64 model
/// on Fashion-MNIST, loading the data, and starting up. Prints numbers; asserts nothing.
public struct Benchmark {
    public var dataDirectory: URL
    public var epochs = 5
    /// Epochs of the convolutional network to time (each takes several seconds).
    public var convolutionEpochs = 2
    /// Time only the convolutional network (for `scripts/bench-against-keras`).
    public var convolutionOnly = false
    /// Time chapter 4's model at batch sizes 16 to 1024 instead (`--batch-sizes`).
    public var batchSizesOnly = false
    public var console: Console
    /// The `lesson` executable, for timing `lesson list`; nil to skip.
    public var executable: URL?

    public init(dataDirectory: URL, console: Console, executable: URL?) {
        self.dataDirectory = dataDirectory
        self.console = console
        self.executable = executable
    }

    /// Floating-point operations of one training pass: forward (2 per weight per sample) and
    /// backward (4) over 48,000 samples, the figure the hardware bound is computed from.
    static func flopsPerEpoch(parameters: Int, samples: Int) -> Double {
        6 * Double(parameters) * Double(samples)
    }

    public func run() throws {
        if batchSizesOnly {
            try batchSizes()
            return
        }
        if convolutionOnly {
            console.line("BLAS threads: \(BLAS.threadCount)")
            try convolution(try FashionMNIST.load(from: dataDirectory))
            return
        }
        console.heading("Benchmark: the 784-256-128-64-10 model on Fashion-MNIST")
        console.line("BLAS threads: \(BLAS.threadCount)   (set with --threads; OPENBLAS_NUM_THREADS before start)")

        var loadTimes: [Double] = []
        for _ in 0..<3 {
            let start = ContinuousClock.now
            _ = try FashionMNIST.loadTraining(from: dataDirectory)
            loadTimes.append(seconds(ContinuousClock.now - start))
        }
        console.line(
            "Load + decode the training set (60,000 images, gunzip + parse + scale): median "
                + "\(ms(median(loadTimes))) (min \(ms(loadTimes.min() ?? 0)))")
        let start = ContinuousClock.now
        let data = try FashionMNIST.load(from: dataDirectory)
        console.line("Load + decode all four files (70,000 images): \(ms(seconds(ContinuousClock.now - start)))")

        let model = Sequential(
            inputSize: 784,
            [
                Dense(units: 256, activation: .relu),
                Dense(units: 128, activation: .relu),
                Dense(units: 64, activation: .relu),
                Dense(units: 10, activation: .softmax),
            ], seed: 42)
        model.compile(
            optimizer: Adam(learningRate: 1e-4), loss: .sparseCategoricalCrossentropy,
            metrics: [.accuracy])
        let timer = EpochTimer()
        try model.fit(
            data.trainImages, data.trainLabels, epochs: epochs, batchSize: 100,
            validationSplit: 0.2, seed: 42, callbacks: [timer], verbose: .silent)
        let parameters = model.summary().totalCount
        let flops = Self.flopsPerEpoch(parameters: parameters, samples: 48_000)
        let pass = median(timer.trainingPasses)
        let epoch = median(timer.epochs)
        console.line("Training, batch 100, Adam, 48,000 images, \(epochs) epochs (\(parameters) parameters):")
        console.line(
            "  training pass   median \(fixed(pass, 3)) s   min \(fixed(timer.trainingPasses.min() ?? 0, 3)) s"
                + "   per epoch: " + timer.trainingPasses.map { fixed($0, 3) }.joined(separator: ", "))
        console.line("  whole epoch     median \(fixed(epoch, 3)) s   (with validation on 12,000)")
        console.line("  images/s        \(Int(48_000 / pass))")
        console.line(
            "  GFLOP/s         \(fixed(flops / pass / 1e9, 1))   (\(fixed(flops / 1e9, 1)) GFLOP per training pass)")
        console.line("  final val_accuracy \(fixed(Double(timer.lastValidationAccuracy), 4))")
        console.line("Peak memory (max RSS of this process): \(peakMemoryMiB()) MiB")

        try convolution(data)
        try augmentation(data.trainImages)

        if let executable {
            var startTimes: [Double] = []
            for _ in 0..<10 {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["list"]
                process.standardOutput = FileHandle.nullDevice
                let start = ContinuousClock.now
                try process.run()
                process.waitUntilExit()
                startTimes.append(seconds(ContinuousClock.now - start))
            }
            console.line(
                "'lesson list', start to exit: median \(ms(median(startTimes))) (min \(ms(startTimes.min() ?? 0)))")
        }
    }

    /// Chapter 12's convolutional network, batch 32, on the same 48,000 training images.
    private func convolution(_ data: FashionMNIST) throws {
        let model = ConvolutionalModel.make(seed: 42)
        let timer = EpochTimer()
        try model.fit(
            data.trainImages, data.trainLabels, epochs: convolutionEpochs, batchSize: 32,
            validationSplit: 0.2, seed: 42, callbacks: [timer], verbose: .silent)
        let forward = ConvolutionalModel.forwardOperations(model)
        // Training: the forward pass, then the products for the weights' and the inputs'
        // gradients, each as large as the forward one (the first layer's input gradient is skipped,
        // which the usual 3× count ignores).
        let flops = 3 * forward * 48_000
        let pass = median(timer.trainingPasses)
        console.line(
            "Convolutional network (chapter 12), batch 32, Adam, 48,000 images, \(convolutionEpochs) epochs "
                + "(\(Format.grouped(model.summary().totalCount)) parameters):")
        console.line(
            "  training pass   median \(fixed(pass, 3)) s   min \(fixed(timer.trainingPasses.min() ?? 0, 3)) s"
                + "   per epoch: " + timer.trainingPasses.map { fixed($0, 3) }.joined(separator: ", "))
        console.line("  whole epoch     median \(fixed(median(timer.epochs), 3)) s   (with validation on 12,000)")
        console.line("  images/s        \(Int(48_000 / pass))")
        console.line(
            "  GFLOP/s         \(fixed(flops / pass / 1e9, 1))   (direct sums: \(fixed(forward / 1e6, 2)) MFLOP forward "
                + "per image,")
        console.line("                          3× for training: \(fixed(flops / 1e12, 2)) TFLOP per pass)")
        let computed = 3 * ConvolutionalModel.computedForwardOperations(model) * 48_000
        console.line(
            "  computed        \(fixed(computed / pass / 1e9, 1)) GFLOP/s of products actually done "
                + "(Winograd: \(fixed(computed / 1e12, 2)) TFLOP)")
        console.line("  final val_accuracy \(fixed(Double(timer.lastValidationAccuracy), 4))")
        console.line("Peak memory (max RSS of this process): \(peakMemoryMiB()) MiB")
    }

    /// Random augmentation of 28 × 28 images on one core, with chapter 8's two policies, in the
    /// in-place batch form training uses.
    private func augmentation(_ images: Matrix) throws {
        let count = 20_000
        var batch = Array(images.scalars[0..<count * FashionMNIST.pixels])
        var scratch = [Float](repeating: 0, count: FashionMNIST.pixels)
        console.line("Augmentation, one core, \(count) images of 28 × 28 per run (median of 3):")
        for setting in AugmentationChapter.settings {
            guard let policy = setting.policy else { continue }
            var generator = RandomGenerator(seed: 42)
            var times: [Double] = []
            for _ in 0..<3 {
                let start = ContinuousClock.now
                batch.withUnsafeMutableBufferPointer { images in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        policy.apply(
                            toImages: images, count: count, width: 28, height: 28, scratch: scratch,
                            using: &generator)
                    }
                }
                times.append(seconds(ContinuousClock.now - start))
            }
            console.line("  \(Format.padded(setting.name, 7)) policy: \(Int(Double(count) / median(times))) images/s")
        }
    }
}

/// A duration in seconds, as a Double.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

private func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

private func ms(_ seconds: Double) -> String {
    "\(fixed(seconds * 1000, 1)) ms"
}

/// The largest resident set this process has had, in MiB.
func peakMemoryMiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024 // Linux reports kilobytes
}
