import Foundation
import NNKit

/// What chapters 4–8 share: loading Fashion-MNIST with a line saying so, the tutorial's
/// 784-256-128-64-10 network in its variants, and training one with a test score at the end.
enum FashionExperiment {
    /// Loads the dataset from the context's folder (cut to its sample limit, if any) and says
    /// where from, how many images and how fast.
    static func load(_ context: ChapterContext) throws -> FashionMNIST {
        let start = ContinuousClock.now
        let data = try context.fashionMNIST()
        context.console.say(
            Words.shared(
                "experiment.loaded",
                [
                    "folder": context.dataDirectory.path, "train": Format.grouped(data.trainImages.rows),
                    "test": Format.grouped(data.testImages.rows),
                    "seconds": Format.fixed(seconds(ContinuousClock.now - start), 2),
                ]))
        return data
    }

    /// Shuffles the training rows in place with `seed`, so that `validationSplit` then holds out
    /// a random 20 % (the tutorials' `train_test_split(test_size=0.2, random_state=seed)`).
    static func shuffleTraining(_ data: inout FashionMNIST, seed: UInt64) {
        var generator = RandomGenerator(seed: seed)
        let order = generator.permutation(data.trainImages.rows)
        data.trainImages.permuteRows(order)
        data.trainLabels.permuteRows(order)
    }

    /// 784 → 256 → 128 → 64 → 10 with relu, softmax out; optionally Dropout(`dropout`) after the
    /// 256 and the 128 layers, and a kernel regularizer on every Dense layer.
    static func deepModel(seed: UInt64, dropout: Float? = nil, regularizer: Regularizer? = nil) -> Sequential {
        var layers: [any Layer] = [Dense(units: 256, activation: .relu, kernelRegularizer: regularizer)]
        if let dropout { layers.append(Dropout(rate: dropout)) }
        layers.append(Dense(units: 128, activation: .relu, kernelRegularizer: regularizer))
        if let dropout { layers.append(Dropout(rate: dropout)) }
        layers.append(Dense(units: 64, activation: .relu, kernelRegularizer: regularizer))
        layers.append(Dense(units: 10, activation: .softmax, kernelRegularizer: regularizer))
        let model = Sequential(inputSize: FashionMNIST.pixels, layers, seed: seed)
        model.compile(optimizer: Adam(learningRate: 1e-4), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    /// The outcome of one training run.
    struct Outcome {
        var history: History
        var testLoss: Double
        var testAccuracy: Double
        var finalValidationAccuracy: Double { Double(history[.valAccuracy].last ?? 0) }
        var finalTrainAccuracy: Double { Double(history[.accuracy].last ?? 0) }
        /// Training accuracy minus validation accuracy at the last epoch: how much better the
        /// model does on what it has seen.
        var gap: Double { finalTrainAccuracy - finalValidationAccuracy }
    }

    /// The share of the training images `train` holds out for validation: the last fifth.
    static let validationSplit = 0.2

    /// Trains with Keras's progress lines and evaluates on the test set.
    static func train(
        _ model: Sequential, _ data: FashionMNIST, epochs: Int, batchSize: Int,
        context: ChapterContext, callbacks: [any Callback] = []
    ) throws -> Outcome {
        let history = try model.fit(
            data.trainImages, data.trainLabels, epochs: epochs, batchSize: batchSize,
            validationSplit: validationSplit, seed: context.seed, callbacks: callbacks,
            output: context.console.output)
        let test = try model.evaluate(data.testImages, data.testLabels)
        return Outcome(history: history, testLoss: Double(test[.loss] ?? 0), testAccuracy: Double(test[.accuracy] ?? 0))
    }
}
