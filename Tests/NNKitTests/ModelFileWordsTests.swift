import Foundation
import Testing

@testable import NNKit

/// Files that are incomplete or mean something NNKit would read wrongly are refused in words
/// that say what is missing or different: a model ending in logits, a Dropout without a rate, a
/// missing bias, a zip entry given twice; and names near the file system's limit are written.
@Suite("Model files said in clear words")
struct ModelFileWordsTests {
    typealias Crafted = CraftedModelFiles

    /// Keras's compile_config with `loss` as Keras serializes it.
    static func compiled(loss: String) -> String {
        #"{"optimizer": "adam", "loss": \#(loss), "metrics": ["accuracy"], "loss_weights": null}"#
    }

    static func sparseLoss(fromLogits: Bool) -> String {
        #"{"module": "keras.losses", "class_name": "SparseCategoricalCrossentropy", "config": "#
            + #"{"name": "sparse_categorical_crossentropy", "reduction": "sum_over_batch_size", "#
            + #""from_logits": \#(fromLogits), "ignore_class": null}, "registered_name": null}"#
    }

    @Test(
        "A model compiled with a loss from logits is refused with the reason and the fix",
        arguments: [
            sparseLoss(fromLogits: true),
            #"{"output": {"class_name": "BinaryCrossentropy", "config": {"from_logits": true}}}"#,
        ])
    func fromLogits(loss: String) throws {
        let config = Crafted.config(
            inputShape: [3], [Crafted.layer("Dense", name: "dense", #""units": 2"#)],
            compileConfig: Self.compiled(loss: loss))
        let url = try Crafted.keras(config: config, weights: Crafted.denseWeights())
        defer { try? FileManager.default.removeItem(at: url) }
        let message =
            "from_logits=True: its last layer gives logits (scores), not the probabilities NNKit's losses "
            + #"and predictions take. In Keras, end the model with keras.layers.Activation("softmax")"#
        KerasFileTests.expectRefusal(url, message) {
            _ = try Sequential.load(from: url)
        }
    }

    @Test(
        "A loss on probabilities, named or serialized, is read as before",
        arguments: [sparseLoss(fromLogits: false), #""sparse_categorical_crossentropy""#, "null"])
    func probabilities(loss: String) throws {
        let dense = Crafted.layer("Dense", name: "dense", #""units": 2, "activation": "softmax""#)
        let config = Crafted.config(inputShape: [3], [dense], compileConfig: Self.compiled(loss: loss))
        let url = try Crafted.keras(config: config, weights: Crafted.denseWeights())
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Sequential.load(from: url).layers.count == 1)
    }

    @Test("A Dropout without a rate is refused, saying what a rate is")
    func dropoutWithoutRate() throws {
        let config = Crafted.config(
            inputShape: [3],
            [
                Crafted.layer("Dense", name: "dense", #""units": 2"#),
                Crafted.layer("Dropout", name: "dropout"),
            ])
        let url = try Crafted.keras(config: config, weights: Crafted.denseWeights())
        defer { try? FileManager.default.removeItem(at: url) }
        KerasFileTests.expectRefusal(
            url,
            "layer 'dropout' (Dropout) has no rate; a Dropout needs one, the fraction of "
                + "its inputs it drops (such as 0.25)"
        ) {
            _ = try Sequential.load(from: url)
        }
        let layers = #"[{\"type\":\"Dropout\"}]"#
        let safetensors = try ModelFileHardeningTests.file(
            header: #"{"__metadata__":{"format":"nnkit-sequential","#
                + #""input_size":"3","layers":"\#(layers)"}}"#)
        ModelFileHardeningTests.expectRefused(
            safetensors,
            "layer 0 (Dropout): Dropout needs a 'rate', the fraction of "
                + "its inputs it drops")
    }

    @Test("A missing bias is said as such, in a .keras file and in safetensors")
    func missingBias() throws {
        let url = try Crafted.keras(config: Crafted.denseConfig, weights: Crafted.denseWeights(bias: nil))
        defer { try? FileManager.default.removeItem(at: url) }
        KerasFileTests.expectRefusal(
            url,
            "model.weights.h5 has no bias for layer dense (Dense): layers/dense/vars/1 "
                + "is missing; NNKit's Dense always has a bias, and Keras saves it unless the "
                + "layer was built with use_bias=False"
        ) {
            _ = try Sequential.load(from: url)
        }
        // The bias saved under another name: as many values as the model needs, but no bias.
        let tensors =
            #""layers.0.kernel":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]},"#
            + #""layers.0.b":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}"#
        let header = ModelFileHardeningTests.denseHeader(tensors: tensors)
        let body = ModelFileHardeningTests.floats(Array(repeating: 0.5, count: 8))
        let safetensors = try ModelFileHardeningTests.file(header: header, body: body)
        ModelFileHardeningTests.expectRefused(
            safetensors,
            "it has no tensor layers.0.bias, the bias of layer 0 "
                + "(Dense); NNKit's Dense always has a bias")
    }

    @Test(
        "A .keras file holding an entry twice is refused, naming the entry",
        arguments: ["config.json", "model.weights.h5"])
    func duplicateEntry(name: String) throws {
        // libzip never writes a name twice: write a stand-in of the same length and rename it in
        // the bytes (names are in no checksum).
        let standIn = String(name.dropLast()) + "X"
        let weights = try Crafted.denseWeights()
        let url = try Crafted.keras([
            ("config.json", Data(Crafted.denseConfig.utf8)), ("model.weights.h5", weights),
            (standIn, name == "config.json" ? Data("{}".utf8) : weights),
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = try Data(contentsOf: url)
        let (from, to) = (Data(standIn.utf8), Data(name.utf8))
        var searchStart = bytes.startIndex
        while let range = bytes.range(of: from, in: searchStart..<bytes.endIndex) {
            bytes.replaceSubrange(range, with: to)
            searchStart = range.upperBound
        }
        try bytes.write(to: url)
        KerasFileTests.expectRefusal(url, "it holds the entry \(name) twice") { _ = try Sequential.load(from: url) }
    }

    @Test("A 250-character name is written (its temporary name is short); one over 255 bytes is refused in words")
    func longNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnkit-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = Sequential(inputSize: 3, [Dense(units: 2)], seed: 1)
        for ending in [".keras", ".safetensors"] {
            let long = folder.appendingPathComponent(String(repeating: "m", count: 250 - ending.count) + ending)
            try model.save(to: long)
            #expect(try Sequential.load(from: long).weights.map(\.value) == model.weights.map(\.value))
        }
        let weights = folder.appendingPathComponent(String(repeating: "w", count: 250 - 11) + ".weights.h5")
        try model.saveWeights(to: weights)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 3, "no temporary file is left: \(files)")
        let tooLong = folder.appendingPathComponent(String(repeating: "m", count: 250) + ".keras")
        KerasFileTests.expectRefusal(
            tooLong,
            "its name is 256 bytes long, more than the 255 a file name can have "
                + "here; choose a shorter name"
        ) {
            try model.save(to: tooLong)
        }
    }
}
