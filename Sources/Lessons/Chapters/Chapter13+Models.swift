import Foundation
import NNKit

/// The three ways of training model B, and the models and images they use.
extension ReusingLayersChapter {
    /// Which base network a setting reuses.
    enum Network: String, Sendable {
        /// 핸즈온 머신러닝's 784-300-100-50-50 relu network.
        case dense
        /// Chapter 12's Conv2D 32 → pool → Conv2D 64 → pool, then Dense(100) → Dropout(0.4).
        case convolutional
    }

    /// How long each model trains, and at what rate (Adam, batch 32 throughout).
    struct Schedule: Sendable {
        /// Model A, on its own classes.
        var sourceEpochs: Int
        /// Model B from scratch.
        var scratchEpochs: Int
        /// Model B on A's frozen layers: only the new layers learn.
        var frozenEpochs: Int
        /// The same model B, everything unfrozen, at `learningRate / 10`.
        var fineTuneEpochs: Int
        var learningRate: Float = 1e-3
    }

    /// The dense settings: B from scratch for 20 epochs; on A the new output layer alone for as
    /// many, then everything for 16 more, as 핸즈온 머신러닝 11.2 fine-tunes. (The book trains the
    /// frozen model for only 4 epochs; here that leaves a binary head's answer to its starting
    /// weights, 0.18 to 0.85 over five seeds, so the frozen phase gets the from-scratch epochs, as
    /// in the convolutional setting.) Adam rather than the book's SGD, as the Keras runs used.
    static let denseSchedule = Schedule(sourceEpochs: 10, scratchEpochs: 20, frozenEpochs: 20, fineTuneEpochs: 16)
    /// The convolutional setting: A for 3 epochs; B from scratch and B's new head each 30
    /// epochs; then 10 epochs of fine-tuning at Adam(1e-4).
    static let convolutionalSchedule = Schedule(
        sourceEpochs: 3, scratchEpochs: 30, frozenEpochs: 30, fineTuneEpochs: 10)
    static let batchSize = 32
    /// Model A's training images per class, drawn at random: half of Fashion-MNIST's 6,000, so
    /// that fifteen models A train in a minute or two.
    static let sourcePerClass = 3_000

    /// One experiment: A learns `sourceClasses`, B learns `targetClasses` from `perClass`
    /// training images of each, and Keras's ranges over five seeds (test accuracy on the test
    /// images of B's classes).
    struct Setting: Sendable {
        var key: String
        var network: Network
        var sourceClasses: [Int]
        var targetClasses: [Int]
        var perClass: Int
        var keras: (scratch: ClosedRange<Double>, frozen: ClosedRange<Double>, fineTuned: ClosedRange<Double>)

        var schedule: Schedule {
            network == .dense ? ReusingLayersChapter.denseSchedule : ReusingLayersChapter.convolutionalSchedule
        }
    }

    static let settings: [Setting] = [
        // Sandal (5) and shirt (6), 100 of each; A on the other eight classes.
        Setting(
            key: "sandal-shirt", network: .dense, sourceClasses: [0, 1, 2, 3, 4, 7, 8, 9], targetClasses: [5, 6],
            perClass: 100, keras: (0.983...0.992, 0.917...0.955, 0.949...0.971)),
        Setting(
            key: "five-dense", network: .dense, sourceClasses: [0, 1, 2, 3, 4], targetClasses: [5, 6, 7, 8, 9],
            perClass: 20, keras: (0.838...0.887, 0.211...0.328, 0.380...0.561)),
        Setting(
            key: "five-cnn", network: .convolutional, sourceClasses: [0, 1, 2, 3, 4], targetClasses: [5, 6, 7, 8, 9],
            perClass: 20, keras: (0.875...0.915, 0.903...0.928, 0.907...0.929)),
    ]

    /// Images and labels of a few classes, the labels renumbered 0, 1, … in `classes`' order.
    struct ClassSubset {
        var x: Matrix
        var y: Matrix
    }

    /// Every image of `classes`, in the dataset's order.
    static func subset(_ images: Matrix, _ labels: Matrix, classes: [Int]) -> ClassSubset {
        let rows = labels.scalars.indices.filter { classes.contains(Int(labels.scalars[$0])) }
        return renumbered(images, labels, rows: rows, classes: classes)
    }

    /// `perClass` images of each of `classes` (fewer when the data has fewer), drawn at random:
    /// the few training images of a new task.
    static func sample(
        _ images: Matrix, _ labels: Matrix, classes: [Int], perClass: Int,
        generator: inout RandomGenerator
    ) -> ClassSubset {
        var rows: [Int] = []
        for label in classes {
            var ofClass = labels.scalars.indices.filter { Int(labels.scalars[$0]) == label }
            generator.shuffle(&ofClass)
            rows += ofClass.prefix(perClass)
        }
        return renumbered(images, labels, rows: rows, classes: classes)
    }

    private static func renumbered(_ images: Matrix, _ labels: Matrix, rows: [Int], classes: [Int]) -> ClassSubset {
        let newLabels = rows.map { Float(classes.firstIndex(of: Int(labels.scalars[$0])) ?? 0) }
        return ClassSubset(x: images.rows(at: rows), y: Matrix(column: newLabels))
    }

    /// The output layer for `classes` classes: one sigmoid unit for two (the book's binary
    /// classifier), a softmax over them otherwise.
    static func outputLayer(classes: Int) -> Dense {
        classes == 2 ? Dense(units: 1, activation: .sigmoid) : Dense(units: classes, activation: .softmax)
    }

    /// Adam at `learningRate`, with binary cross-entropy for one sigmoid output and sparse
    /// categorical cross-entropy otherwise.
    static func compile(_ model: Sequential, learningRate: Float) {
        if model.outputSize == 1 {
            model.compile(optimizer: Adam(learningRate: learningRate), loss: .binaryCrossentropy, metrics: [.accuracy])
        } else {
            model.compile(
                optimizer: Adam(learningRate: learningRate), loss: .sparseCategoricalCrossentropy,
                metrics: [.accuracy])
        }
    }

    /// The base layers of `network`, without an output layer.
    static func baseLayers(_ network: Network) -> [any Layer] {
        switch network {
        case .dense:
            [300, 100, 50, 50].map { Dense(units: $0, activation: .relu) }
        case .convolutional:
            [
                Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu), MaxPooling2D(poolSize: 2),
                Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu), MaxPooling2D(poolSize: 2),
                Flatten(),
            ]
        }
    }

    /// What B puts on top of the reused layers: the new output layer, and for the CNN first its
    /// own Dense(100) → Dropout(0.4), as chapter 12's network has.
    static func head(_ network: Network, classes: Int) -> [any Layer] {
        switch network {
        case .dense: [outputLayer(classes: classes)]
        case .convolutional: [Dense(units: 100, activation: .relu), Dropout(rate: 0.4), outputLayer(classes: classes)]
        }
    }

    static func inputShape(_ network: Network) -> [Int] {
        network == .dense ? [FashionMNIST.pixels] : FashionMNIST.imageShape
    }

    /// A whole, untrained network for `classes` classes: model A, or model B from scratch.
    static func freshModel(_ network: Network, classes: Int, name: String, seed: UInt64) -> Sequential {
        Sequential(
            inputShape: inputShape(network), baseLayers(network) + head(network, classes: classes), name: name,
            seed: seed)
    }

    /// Model B on A: the layers of a copy of `source` below its head, frozen, then a new head.
    /// The copy keeps A itself as it was (Keras's `clone_model` and `set_weights`).
    static func reusedModel(_ source: Sequential, network: Network, classes: Int, seed: UInt64) throws -> Sequential {
        let copy = try source.copy(seed: seed)
        let reused = Sequential(inputShape: source.inputShape, name: "model_B_on_A", seed: seed)
        for layer in copy.layers.prefix(baseLayers(network).count) {
            layer.isTrainable = false
            try reused.add(reusing: layer)
        }
        for layer in head(network, classes: classes) { reused.add(layer) }
        return reused
    }

    /// The figures of one seed of one setting.
    struct SeedRun {
        var scratch: Double
        var frozen: Double
        var fineTuned: Double
        /// Model A's accuracy on the test images of its own classes.
        var source: Double
        var seconds: Double
        /// Kept for the summary and the filter sheet.
        var sourceModel: Sequential
        var scratchModel: Sequential
        var reusedModel: Sequential
        /// B on A's summary while its reused layers are frozen, and its trainable count after
        /// unfreezing.
        var frozenSummary: ModelSummary
        var unfrozenTrainable: Int
    }

    /// A, then B three ways, every random choice drawn from `seed`: A's images, weights and
    /// batches, B's few images, B's weights, their batches and Dropout masks.
    static func runSeed(_ setting: Setting, data: FashionMNIST, seed: UInt64, context: ChapterContext) throws -> SeedRun
    {
        let start = ContinuousClock.now
        var generator = RandomGenerator(seed: seed)
        let schedule = setting.schedule
        let network = setting.network
        let classes = setting.targetClasses.count
        func accuracy(_ logs: Logs) -> Double { Double(logs[.accuracy] ?? 0) }
        func fit(_ model: Sequential, _ set: ClassSubset, epochs: Int) throws {
            try model.fit(
                set.x, set.y, epochs: context.epochs(epochs), batchSize: batchSize, seed: generator.next(),
                verbose: .silent)
        }

        let sourceTrain = sample(
            data.trainImages, data.trainLabels, classes: setting.sourceClasses,
            perClass: sourcePerClass, generator: &generator)
        let sourceTest = subset(data.testImages, data.testLabels, classes: setting.sourceClasses)
        let source = freshModel(network, classes: setting.sourceClasses.count, name: "model_A", seed: generator.next())
        compile(source, learningRate: schedule.learningRate)
        try fit(source, sourceTrain, epochs: schedule.sourceEpochs)
        let sourceAccuracy = accuracy(try source.evaluate(sourceTest.x, sourceTest.y))

        let few = sample(
            data.trainImages, data.trainLabels, classes: setting.targetClasses, perClass: setting.perClass,
            generator: &generator)
        let test = subset(data.testImages, data.testLabels, classes: setting.targetClasses)

        let scratch = freshModel(network, classes: classes, name: "model_B", seed: generator.next())
        compile(scratch, learningRate: schedule.learningRate)
        try fit(scratch, few, epochs: schedule.scratchEpochs)
        let scratchAccuracy = accuracy(try scratch.evaluate(test.x, test.y))

        let reused = try reusedModel(source, network: network, classes: classes, seed: generator.next())
        compile(reused, learningRate: schedule.learningRate)
        let frozenSummary = reused.summary()
        try fit(reused, few, epochs: schedule.frozenEpochs)
        let frozenAccuracy = accuracy(try reused.evaluate(test.x, test.y))

        for layer in reused.layers { layer.isTrainable = true }
        // As in Keras, unfreezing takes effect at the next compile; a new Adam starts its
        // moments afresh, at a tenth of the rate.
        compile(reused, learningRate: schedule.learningRate / 10)
        try fit(reused, few, epochs: schedule.fineTuneEpochs)
        let fineTunedAccuracy = accuracy(try reused.evaluate(test.x, test.y))

        return SeedRun(
            scratch: scratchAccuracy, frozen: frozenAccuracy, fineTuned: fineTunedAccuracy, source: sourceAccuracy,
            seconds: seconds(ContinuousClock.now - start), sourceModel: source, scratchModel: scratch,
            reusedModel: reused,
            frozenSummary: frozenSummary,
            unfrozenTrainable: reused.summary().trainableCount)
    }
}
