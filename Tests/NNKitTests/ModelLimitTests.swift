import Foundation
import Testing

@testable import NNKit

/// What a model needs to run is bounded before anything is allocated: each layer's output per
/// sample (`activationLimit`), one batch's buffers (`batchMemoryLimit`), and the number of
/// layers a file may hold (`layerLimit`), which is read in time linear in that number.
@Suite("What a model needs to run")
struct ModelLimitTests {
    /// A bound, not a benchmark: a file of many layers that took quadratic time ran past a
    /// minute; read linearly it takes a second or two even on a busy machine.
    static let timeLimit = Duration.seconds(5)

    typealias Crafted = CraftedModelFiles

    /// A weights file of `bytes` or so (one padding dataset), so that the weights a config
    /// declares are within what the file could hold and the other limits are what refuses it.
    static func padding(bytes: Int) throws -> Data {
        try Crafted.kerasWeights([("padding", [.init(shape: [bytes / 4])])])
    }

    @Test("A 200 KB .keras with a Conv2D of 2.8 million filters, then MaxPooling2D, is refused naming the layer")
    func millionsOfFilters() throws {
        let config = Crafted.config(
            inputShape: [28, 28, 1],
            [
                Crafted.layer("Conv2D", name: "conv2d", #""filters": 2800000, "kernel_size": [1, 1]"#),
                Crafted.layer("MaxPooling2D", name: "max_pooling2d"),
            ])
        // Its 5.6 million weights (22 MB) are more than 200 KB could hold even compressed.
        let small = try Crafted.keras(config: config, weights: Self.padding(bytes: 200_000))
        defer { try? FileManager.default.removeItem(at: small) }
        #expect(try FileManager.default.attributesOfItem(atPath: small.path)[.size] as? Int ?? 0 < 300_000)
        KerasFileTests.expectRefusal(
            small,
            "layer 'conv2d' (Conv2D) on (28, 28, 1) inputs needs more weights "
                + "than its"
        ) {
            _ = try Sequential.load(from: small)
        }
        // With room for them, its outputs are refused: 28 × 28 × 2,800,000 values an image.
        let large = try Crafted.keras(config: config, weights: Self.padding(bytes: 3_000_000))
        defer { try? FileManager.default.removeItem(at: large) }
        KerasFileTests.expectRefusal(
            large,
            "layer 'conv2d' (Conv2D) would give (28, 28, 2800000) per sample, "
                + "2,195,200,000 values, more than NNKit's limit of 268,435,456"
        ) {
            _ = try Sequential.load(from: large)
        }
    }

    @Test("A 4 MB .keras with a 1000 × 1000 'same' kernel is refused: one image would unfold into 2.9 GiB")
    func hugeKernel() throws {
        let config = Crafted.config(
            inputShape: [28, 28, 1],
            [
                Crafted.layer(
                    "Conv2D", name: "conv2d", #""filters": 1, "kernel_size": [1000, 1000], "padding": "same""#)
            ])
        let url = try Crafted.keras(config: config, weights: Self.padding(bytes: 4_000_000))
        defer { try? FileManager.default.removeItem(at: url) }
        // 784 positions × 1,000,000 kernel values, plus the input and the output: 784,001,568 floats.
        KerasFileTests.expectRefusal(
            url,
            "one sample would need 2.92 GiB for the layers' outputs and buffers, more "
                + "than NNKit's limit of 2.00 GiB; the most for layer 'conv2d' (Conv2D) "
                + "(output (28, 28, 1)"
        ) {
            _ = try Sequential.load(from: url)
        }
    }

    @Test("A safetensors model pooling a 65536 × 65536 input is refused before any layer is built")
    func hugeInput() throws {
        let layers = #"[{\"type\":\"MaxPooling2D\",\"pool_size\":[2,2]}]"#
        let url = try ModelFileHardeningTests.file(
            header: #"{"__metadata__":{"format":"nnkit-sequential","#
                + #""input_size":"4294967296","input_shape":"[65536,65536,1]","layers":"\#(layers)"}}"#)
        ModelFileHardeningTests.expectRefused(
            url,
            "the model's input (65536, 65536, 1) has more values per sample "
                + "than NNKit's limit of 268,435,456")
    }

    /// Conv2D(1, 9 × 9, same) on 512 × 512 images: 262,144 positions × 81 unfolded values, and
    /// the input and the output, 21,757,952 floats (83 MiB) a sample; 24 fit in 2 GiB.
    static func wideConvolution() -> Sequential {
        Sequential(inputShape: [512, 512, 1], [Conv2D(filters: 1, kernelSize: 9, padding: .same)], seed: 1)
    }

    @Test("evaluate and fit refuse a batch whose buffers would not fit, naming the layer and a batch that fits")
    func batchTooLarge() throws {
        let model = Self.wideConvolution()
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        let x = Matrix(rows: 32, columns: 512 * 512)
        #expect(throws: NNKitError.self) { try model.evaluate(x, x) }
        do {
            _ = try model.evaluate(x, x)
        } catch let error as NNKitError {
            #expect(
                error.description.hasPrefix(
                    "evaluate's batches of 32 samples would need 2.59 GiB for the "
                        + "layers' outputs and buffers, more than NNKit's limit of 2.00 GiB; "
                        + "the most for conv2d (Conv2D) (output (512, 512, 1)"), "\(error)")
            #expect(error.description.hasSuffix("; batches of 24 or fewer samples fit."), "\(error)")
        }
        do {
            _ = try model.fit(x, x, batchSize: 16, verbose: .silent)
            Issue.record("fit should refuse batches of 16 such images")
        } catch let error as NNKitError {
            #expect(error.description.hasPrefix("fit's batches of 16 samples would need"), "\(error)")
        }
        let (footprints, _) = try model.footprints()
        #expect(
            Sequential.largestBatch(footprints, inputShape: model.inputShape, training: false) == 24,
            "predict takes 24 images at a time")
    }

    @Test("A layer's footprint counts what building and running it give")
    func footprints() throws {
        let layers: [any Layer] = [
            Conv2D(filters: 4, kernelSize: Size2D(3, 2), strides: 2, padding: .same),
            MaxPooling2D(poolSize: 2, padding: .same), Activation(.softmax), Dropout(rate: 0.5),
            Flatten(), Dense(units: 7, activation: .relu), BatchNormalization(), Dense(units: 3),
        ]
        let model = Sequential(inputShape: [9, 7, 2], layers, seed: 1)
        let (footprints, labels) = try model.footprints()
        #expect(labels.first == "conv2d (Conv2D)")
        for (layer, footprint) in zip(model.layers, footprints) {
            #expect(footprint.outputValues == layer.outputSize, "\(layer.name)")
            #expect(footprint.outputShape == layer.outputShape, "\(layer.name)")
            #expect(footprint.parameters == layer.parameters.reduce(0) { $0 + $1.count }, "\(layer.name)")
            #expect(footprint.trainingValues >= footprint.inferenceValues, "\(layer.name)")
        }
        // The Conv2D's 5 × 4 positions unfold 3 × 2 × 2 values each, and give 4 filters each.
        #expect(footprints[0].inferenceValues == 20 * 12 + 20 * 4)
    }

    /// A .keras file of `count` Dense(1) layers on one input, each with its kernel and bias.
    static func manyDenseLayers(_ count: Int, withWeights: Bool = true) throws -> URL {
        let layers = (0..<count).map { Crafted.layer("Dense", name: "d\($0)", #""units": 1"#) }
        let keys = Sequential.kerasWeightKeys(Array(repeating: "Dense", count: withWeights ? count : 1))
        let weights = try Crafted.kerasWeights(keys.map { ($0, [.init(shape: [1, 1]), .init(shape: [1])]) })
        return try Crafted.keras(config: Crafted.config(inputShape: [1], layers), weights: weights)
    }

    @Test("A .keras file of 10,000 layers, the limit, loads in time linear in their number")
    func manyLayersLoad() throws {
        let url = try Self.manyDenseLayers(Sequential.layerLimit)
        defer { try? FileManager.default.removeItem(at: url) }
        let clock = ContinuousClock()
        let start = clock.now
        let model = try Sequential.load(from: url)
        let elapsed = clock.now - start
        #expect(model.layers.count == Sequential.layerLimit)
        #expect(model.layers.last?.name == "d9999")
        #expect(elapsed < Self.timeLimit, "loading took \(elapsed)")
    }

    @Test(
        "More layers than the limit are refused at once, in a .keras file and in safetensors",
        arguments: [10_001, 60_000])
    func tooManyLayers(count: Int) throws {
        let keras = try Self.manyDenseLayers(count, withWeights: false)
        defer { try? FileManager.default.removeItem(at: keras) }
        let layer = #"{\"type\":\"Dense\",\"units\":1,\"activation\":\"linear\"}"#
        let safetensors = try ModelFileHardeningTests.file(
            header: #"{"__metadata__":{"format":"nnkit-sequential","#
                + #""input_size":"1","layers":"[\#(Array(repeating: layer, count: count).joined(separator: ","))]"}}"#)
        let clock = ContinuousClock()
        let start = clock.now
        let message = "it has \(grouped(count)) layers, more than the 10,000 NNKit reads"
        KerasFileTests.expectRefusal(keras, message) { _ = try Sequential.load(from: keras) }
        ModelFileHardeningTests.expectRefused(safetensors, message)
        #expect(clock.now - start < Self.timeLimit)
    }

    @Test("A model of 20,000 layers built in code is built in time linear in their number")
    func manyLayersInCode() {
        let clock = ContinuousClock()
        let start = clock.now
        let model = Sequential(inputSize: 1, (0..<20_000).map { _ in Dropout(rate: 0.1) })
        #expect(clock.now - start < Self.timeLimit)
        #expect(model.layers.last?.name == "dropout_19999")
        #expect(Set(model.layers.map(\.name)).count == 20_000)
    }
}
