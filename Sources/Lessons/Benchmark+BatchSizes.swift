import Foundation
import NNKit

/// `lesson bench --batch-sizes`: chapter 4's model at batch sizes 16 to 1024, beside what Keras
/// did here with the same settings.
extension Benchmark {
    /// Keras 3.15 on this machine (`../shared/ANCHORS.md`): the 784-256-128-64-10 model, Adam(1e-3),
    /// 3 epochs, validation_split 0.2, seed 42; seconds per epoch and validation accuracy after 3.
    static let kerasBatchSizes: [(batchSize: Int, seconds: Double, validationAccuracy: Double)] = [
        (16, 20.9, 0.858), (32, 6.4, 0.874), (64, 4.4, 0.874), (128, 2.7, 0.873),
        (256, 3.0, 0.860), (512, 1.4, 0.863), (1024, 1.1, 0.857),
    ]
    static let batchSizeEpochs = 3

    func batchSizes() throws {
        let data = try FashionMNIST.load(from: dataDirectory)
        console.heading(
            "Benchmark: batch sizes, the 784-256-128-64-10 model, Adam(1e-3), \(Self.batchSizeEpochs) epochs")
        console.line(
            "BLAS threads: \(BLAS.threadCount). Keras's figures were measured on this machine at another time;")
        console.line("seconds are noisy on a shared machine, so read the ratios as rough.")
        console.line()
        console.line("  batch   s/epoch   images/s   val acc  │ Keras: s/epoch   val acc   ratio")
        for keras in Self.kerasBatchSizes {
            let model = Sequential(
                inputSize: FashionMNIST.pixels,
                [
                    Dense(units: 256, activation: .relu), Dense(units: 128, activation: .relu),
                    Dense(units: 64, activation: .relu), Dense(units: 10, activation: .softmax),
                ], seed: 42)
            model.compile(
                optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            let timer = EpochTimer()
            try model.fit(
                data.trainImages, data.trainLabels, epochs: Self.batchSizeEpochs, batchSize: keras.batchSize,
                validationSplit: 0.2, seed: 42, callbacks: [timer], verbose: .silent)
            let epoch = timer.medianEpoch
            let trainingPass = median(timer.trainingPasses)
            console.line(
                "  " + Format.rightAligned("\(keras.batchSize)", 5)
                    + Format.rightAligned(Format.fixed(epoch, 2), 10)
                    + Format.rightAligned(Format.grouped(Int(48_000 / max(trainingPass, 1e-9))), 11)
                    + Format.rightAligned(Format.fixed(Double(timer.lastValidationAccuracy), 3), 10) + "  │"
                    + Format.rightAligned(Format.fixed(keras.seconds, 1), 15)
                    + Format.rightAligned(Format.fixed(keras.validationAccuracy, 3), 10)
                    + Format.rightAligned(Format.fixed(epoch / keras.seconds, 2), 8))
        }
        console.line()
        console.line("ratio: our seconds per epoch over Keras's (below 1 is faster). Validation")
        console.line("accuracies differ by seed noise (about 0.01) as well as by batch size.")
    }
}
