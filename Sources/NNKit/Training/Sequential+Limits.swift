/// What a model needs to run, known from its layers' settings before anything is built or
/// allocated: the values each layer gives per sample, the memory of one batch's buffers, and
/// how many layers a file may hold. A model file that needs more is refused as it is read,
/// naming the layer and its shape; `evaluate` and `fit` refuse a batch that would not fit, and
/// `predict` takes fewer samples at a time.
extension Sequential {
    /// The most layers a model file may hold: 10,000, twenty times ResNet-152's 500 or so.
    /// Reading costs time for every layer (HDF5 opens each weight), so a file of 60,000 small
    /// layers is refused at once rather than read for many seconds.
    public static let layerLimit = 10_000

    /// The most values one sample may have at the input or at any layer's output: 2^28, that
    /// is 1 GiB of float32, some 340,000 times a Fashion-MNIST image. It also keeps every size
    /// within `Int32`, which pooling's winners and Winograd's shapes are.
    public static let activationLimit = 1 << 28

    /// The most bytes the layers' buffers may take for one batch: 2 GiB. They are the input
    /// batch, every layer's outputs and what it keeps for its backward pass (Conv2D's unfolded
    /// windows, gradients, Dropout's mask), as `LayerFootprint` counts them; the weights are
    /// apart, bounded by the size of the file they come from.
    public static let batchMemoryLimit = 2 << 30

    /// Each layer's footprint, for `configurations` on `inputShape`; `labels` name the layers
    /// in messages ("layer 'conv2d' (Conv2D)"). Throws, naming the layer, when a shape does not
    /// fit or a count overflows.
    static func footprints(
        _ configurations: [LayerConfiguration], labels: [String],
        inputShape: [Int]
    ) throws(NNKitError) -> [LayerFootprint] {
        var shape = inputShape
        var footprints: [LayerFootprint] = []
        footprints.reserveCapacity(configurations.count)
        for (configuration, label) in zip(configurations, labels) {
            do {
                footprints.append(try configuration.footprint(inputShape: shape))
            } catch let error as NNKitError {
                throw NNKitError.invalidArgument("\(label): \(error.sentence).")
            } catch {
                throw NNKitError.invalidArgument("\(label): \(error).")
            }
            shape = footprints[footprints.count - 1].outputShape
        }
        return footprints
    }

    /// Throws unless the input and every layer's output have at most `activationLimit` values
    /// per sample, naming the first layer over it and its shape.
    static func checkActivations(
        _ footprints: [LayerFootprint], labels: [String],
        inputShape: [Int]
    ) throws(NNKitError) {
        let limit = "NNKit's limit of \(grouped(activationLimit)) (1 GiB of float32)"
        guard let inputValues = inputShape.checkedProduct, inputValues <= activationLimit else {
            throw NNKitError.invalidArgument(
                "the model's input \(shapeText(inputShape)) has more values per sample "
                    + "than \(limit).")
        }
        for (footprint, label) in zip(footprints, labels) where footprint.outputValues > activationLimit {
            throw NNKitError.invalidArgument(
                "\(label) would give \(shapeText(footprint.outputShape)) per sample, "
                    + "\(grouped(footprint.outputValues)) values, more than \(limit).")
        }
    }

    /// The values a batch's buffers hold per sample (the input and every layer's), or nil when
    /// they cannot be counted.
    static func valuesPerSample(_ footprints: [LayerFootprint], inputShape: [Int], training: Bool) -> Int? {
        var total = inputShape.checkedProduct ?? Int.max
        for footprint in footprints {
            guard let sum = total.addingExactly(training ? footprint.trainingValues : footprint.inferenceValues) else {
                return nil
            }
            total = sum
        }
        return total
    }

    /// The largest batch whose buffers fit `batchMemoryLimit` (0 when not even one sample does).
    static func largestBatch(_ footprints: [LayerFootprint], inputShape: [Int], training: Bool) -> Int {
        guard let values = valuesPerSample(footprints, inputShape: inputShape, training: training) else { return 0 }
        return batchMemoryLimit / 4 / max(values, 1)
    }

    /// Throws unless a batch of `batchSize` samples fits `batchMemoryLimit`, naming the layer
    /// that needs the most and the largest batch that fits; `task` says what the batch is for
    /// ("evaluate's batches of 32").
    static func checkBatch(
        _ footprints: [LayerFootprint], labels: [String], inputShape: [Int], batchSize: Int,
        training: Bool, task: String
    ) throws(NNKitError) {
        let fitting = largestBatch(footprints, inputShape: inputShape, training: training)
        guard batchSize > fitting else { return }
        let values = { (footprint: LayerFootprint) in training ? footprint.trainingValues : footprint.inferenceValues }
        let perSample = valuesPerSample(footprints, inputShape: inputShape, training: training)
        let needed = perSample.map { byteText(Double($0) * Double(batchSize) * 4) } ?? "more memory than can be counted"
        var message =
            "\(task) would need \(needed) for the layers' outputs and buffers, more than NNKit's limit of "
            + "\(byteText(Double(batchMemoryLimit)))"
        if let largest = footprints.indices.max(by: { values(footprints[$0]) < values(footprints[$1]) }) {
            message +=
                "; the most for \(labels[largest]) (output \(shapeText(footprints[largest].outputShape)), "
                + "\(byteText(Double(values(footprints[largest])) * Double(batchSize) * 4)))"
        }
        message += fitting > 0 ? "; batches of \(grouped(fitting)) or fewer samples fit." : "."
        throw NNKitError.invalidArgument(message)
    }

    /// The footprints of this model's layers, as built, and their labels ("conv2d (Conv2D)"). A
    /// layer of a type NNKit does not know (a learner's own) counts its output twice and its
    /// input once, as a Dense layer without preactivations would.
    func footprints() throws(NNKitError) -> (footprints: [LayerFootprint], labels: [String]) {
        let labels = layers.map { "\($0.name) (\($0.typeName))" }
        var footprints: [LayerFootprint] = []
        var input = inputSize
        for (layer, label) in zip(layers, labels) {
            let configuration = layer.configuration
            if LayerConfiguration.knownTypes.contains(configuration.type) {
                footprints += try Self.footprints(
                    [configuration], labels: [label],
                    inputShape: footprints.last?.outputShape ?? inputShape)
            } else {
                let output = layer.outputSize
                let training = output.multipliedExactly(by: 2).flatMap { $0.addingExactly(input) } ?? Int.max
                footprints.append(
                    LayerFootprint(
                        parameters: layer.parameters.reduce(0) { $0 + $1.count },
                        outputShape: layer.outputShape, outputValues: output,
                        inferenceValues: output, trainingValues: training))
            }
            input = footprints[footprints.count - 1].outputValues
        }
        return (footprints, labels)
    }

    /// Throws unless this model's buffers for a batch of `batchSize` fit `batchMemoryLimit`.
    func checkBatch(_ batchSize: Int, training: Bool, task: String) throws(NNKitError) {
        let (footprints, labels) = try footprints()
        try Self.checkBatch(
            footprints, labels: labels, inputShape: inputShape, batchSize: batchSize,
            training: training, task: task)
    }
}

/// What one layer holds per sample, counted from its settings alone (nothing is built): its
/// weights, its output, and the values its buffers hold for each sample of a batch.
struct LayerFootprint: Equatable {
    var parameters: Int
    var outputShape: [Int]
    var outputValues: Int
    /// Values per sample that a forward pass in inference fills: the output, and what the
    /// layer computes it through (a Dense's preactivations, a Conv2D's unfolded windows).
    var inferenceValues: Int
    /// Values per sample in training: those, what backward needs and the gradients it writes.
    var trainingValues: Int
}

/// `3221225472` → `3.00 GiB`: bytes as a learner reads them.
func byteText(_ bytes: Double) -> String {
    var size = bytes
    for unit in ["bytes", "KiB", "MiB", "GiB"] {
        if size < 1024 { return unit == "bytes" ? "\(Int(size)) bytes" : "\(fixed(size, decimals: 2)) \(unit)" }
        size /= 1024
    }
    return "\(fixed(size, decimals: 2)) TiB"
}
