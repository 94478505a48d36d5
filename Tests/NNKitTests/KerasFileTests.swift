import Foundation
import Testing

@testable import NNKit

/// Keras 3's `.keras` and `.weights.h5` files, and NNKit's weights-only safetensors: real files
/// Keras wrote (`KerasFiles/`, from `scripts/keras-write-fixture.py`), round trips, and
/// files that are broken or do not fit.
@Suite("Keras files and weights-only files")
struct KerasFileTests {
    /// float32 predictions of the same weights through a different order of sums.
    static let predictionTolerance: Float = 1e-5

    static func fixture(_ name: String) throws -> URL {
        let folder = try #require(
            Bundle.module.url(forResource: "KerasFiles", withExtension: nil),
            "The KerasFiles resource folder is missing from the NNKitTests bundle.")
        return folder.appendingPathComponent(name)
    }

    /// Keras's inputs and outputs for `name`, from predictions.json.
    static func kerasPredictions(_ name: String) throws -> (inputs: Matrix, outputs: Matrix) {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture("predictions.json")))
        let entry = try #require(
            (json as? [String: Any])?[name] as? [String: [[Double]]], "predictions.json has no \(name)")
        func matrix(_ rows: [[Double]]?) throws -> Matrix {
            let rows = try #require(rows)
            return Matrix(
                rows: rows.count, columns: rows.first?.count ?? 0, scalars: rows.flatMap { $0.map(Float.init) })
        }
        return (try matrix(entry["inputs"]), try matrix(entry["outputs"]))
    }

    static func mlp(seed: UInt64 = 4) -> Sequential {
        Sequential(
            inputSize: 6,
            [
                Dense(units: 5, activation: .relu), BatchNormalization(momentum: 0.9),
                Dropout(rate: 0.25), Dense(units: 3, activation: .softmax),
            ], seed: seed)
    }

    static func cnn(seed: UInt64 = 5) -> Sequential {
        Sequential(
            inputShape: [8, 7, 2],
            [
                Conv2D(filters: 4, kernelSize: Size2D(3, 2), strides: 2, padding: .same, activation: .relu),
                MaxPooling2D(poolSize: 2, padding: .same), Flatten(), Dense(units: 3, activation: .softmax),
            ], seed: seed)
    }

    /// A model with its BatchNormalization statistics moved off their defaults, so they are
    /// really saved and read.
    static func trained(_ model: Sequential) -> Sequential {
        let x = Matrix(rows: 8, columns: model.inputSize, scalars: (0..<8 * model.inputSize).map { Float($0 % 7) / 3 })
        _ = model.forward(x, training: true)
        return model
    }

    static func sampleInputs(_ model: Sequential) -> Matrix {
        Matrix(
            rows: 4, columns: model.inputSize, scalars: (0..<4 * model.inputSize).map { Float(($0 * 5) % 13) / 6 - 1 })
    }

    static func temporary(_ name: String) -> URL {
        ModelFileTests.temporaryFile(name)
    }

    /// Throws a ModelFileError naming `url` and containing `fragment`.
    static func expectRefusal(
        _ url: URL, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            Issue.record("should fail with '\(fragment)'", sourceLocation: sourceLocation)
        } catch let error as ModelFileError {
            #expect(error.path == url.path, sourceLocation: sourceLocation)
            #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a ModelFileError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    /// A copy of the .keras file at `url` with its entries changed by `change`.
    static func rewritten(
        _ url: URL, name: String = "changed.keras", compressed: Bool = false,
        _ change: (inout [String: Data]) throws -> Void
    ) throws -> URL {
        var entries = try ZipArchive.read(
            url.path, entries: ["metadata.json", "config.json", "model.weights.h5"],
            limits: ["model.weights.h5": 1 << 24])
        try change(&entries)
        let output = temporary(name)
        try ZipArchive.write(
            ["metadata.json", "config.json", "model.weights.h5", "extra.bin"].compactMap { key in
                entries[key].map { (key, $0) }
            }, to: output.path, compressed: compressed)
        return output
    }

    static func editedConfig(_ url: URL, _ edit: (String) -> String) throws -> URL {
        try rewritten(url) { entries in
            let text = String(decoding: try #require(entries["config.json"]), as: UTF8.self)
            entries["config.json"] = Data(edit(text).utf8)
        }
    }

    // MARK: Files Keras wrote

    @Test(
        "A .keras file Keras 3.15 wrote loads with its layers and predicts as Keras did",
        arguments: ["mlp.keras", "cnn.keras"])
    func readsKerasFile(name: String) throws {
        let model = try Sequential.load(from: Self.fixture(name))
        let (inputs, expected) = try Self.kerasPredictions(name)
        let predictions = model.predict(inputs)
        #expect(predictions.rows == expected.rows && predictions.columns == expected.columns)
        for (index, (got, want)) in zip(predictions.scalars, expected.scalars).enumerated() {
            #expect(
                abs(got - want) <= Self.predictionTolerance, "\(name): output \(index) is \(got), Keras gave \(want)")
        }
    }

    @Test("Keras's layer names, types, shapes and the BatchNormalization settings come through")
    func kerasLayers() throws {
        let model = try Sequential.load(from: Self.fixture("mlp.keras"))
        #expect(model.name == "sequential")
        #expect(model.inputShape == [6])
        #expect(model.layers.map(\.name) == ["dense", "batch_normalization", "dropout", "dense_1"])
        #expect(
            model.layers.map(\.configuration) == [
                LayerConfiguration(type: "Dense", [("units", .int(5)), ("activation", .string("relu"))]),
                LayerConfiguration(
                    type: "BatchNormalization", [("momentum", .float(0.99)), ("epsilon", .float(0.001))]),
                LayerConfiguration(type: "Dropout", [("rate", .float(0.25))]),
                LayerConfiguration(type: "Dense", [("units", .int(3)), ("activation", .string("softmax"))]),
            ])
        let normalization = try #require(model.layers[1] as? BatchNormalization)
        // Two epochs of training moved the statistics away from 0 and 1.
        #expect(normalization.movingMean.value.scalars.contains { $0 != 0 })
        let cnn = try Sequential.load(from: Self.fixture("cnn.keras"))
        #expect(cnn.inputShape == [6, 5, 2])
        #expect(cnn.layers.map(\.outputShape) == [[6, 5, 3], [3, 3, 3], [27], [4]])
    }

    @Test("A Keras weights file of float64 arrays is refused, naming the dataset")
    func float64Refused() throws {
        let url = try Self.fixture("mlp-float64.weights.h5")
        let model = Self.mlp()
        let before = model.weights.map(\.value)
        Self.expectRefusal(
            url, "layers/dense/vars/0 (the kernel of dense) is float64; NNKit reads Keras's float32 weights only"
        ) {
            try model.loadWeights(from: url)
        }
        #expect(model.weights.map(\.value) == before)
    }

    // MARK: Round trips

    @Test(
        "A model goes through .keras, .weights.h5 and weights-only safetensors unchanged",
        arguments: ["dense", "convolutional"], ["model.keras", "model.weights.h5", "model.weights.safetensors"])
    func roundTrip(kind: String, file: String) throws {
        let make = kind == "dense" ? { Self.mlp(seed: $0) } : { Self.cnn(seed: $0) }
        let original = Self.trained(make(4))
        let url = Self.temporary(file)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded: Sequential
        if file.hasSuffix(".keras") {
            try original.save(to: url)
            loaded = try Sequential.load(from: url)
            #expect(loaded.layers.map(\.configuration) == original.layers.map(\.configuration))
            #expect(loaded.layers.map(\.name) == original.layers.map(\.name))
            #expect(loaded.inputShape == original.inputShape)
        } else {
            try original.saveWeights(to: url)
            loaded = make(99)
            #expect(loaded.weights.map(\.value) != original.weights.map(\.value))
            try loaded.loadWeights(from: url)
        }
        #expect(loaded.weights.map(\.key) == original.weights.map(\.key))
        #expect(loaded.weights.map(\.value) == original.weights.map(\.value))
        let x = Self.sampleInputs(original)
        #expect(loaded.predict(x) == original.predict(x))
    }

    @Test("A frozen layer stays frozen through .keras, and a renamed Keras layer keeps its name")
    func trainableAndNames() throws {
        let original = Self.mlp()
        original.layers[0].isTrainable = false
        let url = Self.temporary("frozen.keras")
        defer { try? FileManager.default.removeItem(at: url) }
        try original.save(to: url)
        #expect(try Sequential.load(from: url).layers.map(\.isTrainable) == [false, true, true, true])
        // Keras keys the weights by class ("dense_1"), whatever the layer is called.
        let renamed = try Self.editedConfig(url) {
            $0.replacingOccurrences(of: "\"name\": \"dense_1\"", with: "\"name\": \"output\"")
        }
        defer { try? FileManager.default.removeItem(at: renamed) }
        let loaded = try Sequential.load(from: renamed)
        #expect(loaded.layers.map(\.name) == ["dense", "batch_normalization", "dropout", "output"])
        #expect(loaded.weights.map(\.value) == original.weights.map(\.value))
    }

    @Test("The .keras file holds what Keras writes: stored entries, its config and HDF5 groups")
    func kerasLayout() throws {
        let url = Self.temporary("layout.keras")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.mlp().save(to: url)
        let entries = try ZipArchive.read(
            url.path, entries: ["metadata.json", "config.json", "model.weights.h5"],
            limits: ["model.weights.h5": 1 << 24])
        let metadataData = try #require(entries["metadata.json"])
        let metadata = try #require(try JSONSerialization.jsonObject(with: metadataData) as? [String: Any])
        #expect(metadata["keras_version"] as? String == "3.15.1")
        let configData = try #require(entries["config.json"])
        let config = try #require(try JSONSerialization.jsonObject(with: configData) as? [String: Any])
        #expect(config["class_name"] as? String == "Sequential")
        let layers = try #require((config["config"] as? [String: Any])?["layers"] as? [[String: Any]])
        #expect(
            layers.map { $0["class_name"] as? String } == [
                "InputLayer", "Dense", "BatchNormalization", "Dropout", "Dense",
            ])
        let batchShape = try #require((layers[0]["config"] as? [String: Any])?["batch_shape"] as? [Any])
        #expect(batchShape.count == 2 && batchShape.first is NSNull && batchShape.last as? Int == 6)
        #expect((layers[2]["config"] as? [String: Any])?["momentum"] as? Double == 0.9)
        let weights = try #require(entries["model.weights.h5"])
        try HDF5File.withLibrary {
            let file = try HDF5File.reading(weights, label: "model.weights.h5")
            #expect(try file.members(of: "/") == ["layers", "vars"])
            #expect(try file.members(of: "layers") == ["batch_normalization", "dense", "dense_1", "dropout"])
            #expect(try file.members(of: "layers/batch_normalization/vars") == ["0", "1", "2", "3"])
            #expect(try file.members(of: "layers/dropout/vars") == [])
            let kernel = try file.datasetInfo(at: "layers/dense/vars/0")
            #expect(kernel.shape == [6, 5] && kernel.type == "float32")
        }
    }

    // MARK: Mismatches

    @Test(
        "loadWeights into another architecture names the layer and both shapes, and changes nothing",
        arguments: ["model.weights.h5", "model.weights.safetensors"])
    func mismatch(file: String) throws {
        let url = Self.temporary(file)
        defer { try? FileManager.default.removeItem(at: url) }
        try Sequential(inputSize: 6, [Dense(units: 4, activation: .relu), Dense(units: 2)], seed: 1).saveWeights(
            to: url)
        let other = Sequential(inputSize: 6, [Dense(units: 4, activation: .relu), Dense(units: 3)], seed: 2)
        let before = other.weights.map(\.value)
        Self.expectRefusal(url, "layer dense_1 has a kernel of 4×2 in the file but 4×3 in this model") {
            try other.loadWeights(from: url)
        }
        #expect(other.weights.map(\.value) == before)
    }

    @Test(
        "loadWeights with other layers, or into a model without layers, says what differs",
        arguments: ["model.weights.h5", "model.weights.safetensors"])
    func otherLayers(file: String) throws {
        let url = Self.temporary(file)
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.mlp().saveWeights(to: url)
        let shorter = Sequential(inputSize: 6, [Dense(units: 5, activation: .relu), Dense(units: 3)])
        Self.expectRefusal(
            url,
            file.hasSuffix(".h5")
                ? "has weights for a layer 'batch_normalization' that this model lacks"
                : "layer 1 is BatchNormalization in the file but Dense (dense_1) in this model"
        ) {
            try shorter.loadWeights(from: url)
        }
        Self.expectRefusal(url, "this model has no layers yet") { try Sequential(inputSize: 6).loadWeights(from: url) }
    }

    @Test("Names that do not say which file it is are refused with the names that do")
    func extensions() throws {
        let model = Self.mlp()
        let weights = Self.temporary("model.bin")
        Self.expectRefusal(weights, "model.weights.h5 (Keras's) or model.weights.safetensors") {
            try model.saveWeights(to: weights)
        }
        let legacy = Self.temporary("model.h5")
        Self.expectRefusal(legacy, "Keras 2's legacy format") { try model.save(to: legacy) }
        let weightsOnly = Self.temporary("model.weights.h5")
        Self.expectRefusal(weightsOnly, "saveWeights(to:)") { try model.save(to: weightsOnly) }
        defer { try? FileManager.default.removeItem(at: weightsOnly) }
        try model.saveWeights(to: weightsOnly)
        Self.expectRefusal(weightsOnly, "call loadWeights(from:)") { _ = try Sequential.load(from: weightsOnly) }
        let safetensors = Self.temporary("model.weights.safetensors")
        defer { try? FileManager.default.removeItem(at: safetensors) }
        try model.saveWeights(to: safetensors)
        Self.expectRefusal(safetensors, "it holds weights only") { _ = try Sequential.load(from: safetensors) }
    }

    // MARK: Files that are broken or do not fit

    @Test("A layer NNKit does not have is refused by name and class, with the classes it has")
    func unknownLayer() throws {
        let url = try Self.editedConfig(Self.fixture("mlp.keras")) {
            $0.replacingOccurrences(of: "\"class_name\": \"BatchNormalization\"", with: "\"class_name\": \"LSTM\"")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        Self.expectRefusal(
            url, "layer 'batch_normalization' (LSTM) is not one NNKit has; it has InputLayer, Dense, Activation"
        ) {
            _ = try Sequential.load(from: url)
        }
    }

    @Test(
        "Options NNKit lacks are refused, naming the layer and the option",
        arguments: [
            (
                "\"use_bias\": true", "\"use_bias\": false",
                "layer 'dense' (Dense) has use_bias false; NNKit's Dense always has a bias"
            ),
            (
                "\"activation\": \"relu\"", "\"activation\": \"gelu\"",
                "layer 'dense' (Dense) has the activation \"gelu\", which NNKit lacks"
            ),
            ("\"center\": true", "\"center\": false", "NNKit's BatchNormalization always has beta (center)"),
            (
                "\"name\": \"float32\"}, \"registered_name\": null}, \"units\": 5",
                "\"name\": \"float16\"}, \"registered_name\": null}, \"units\": 5",
                "layer 'dense' (Dense) computes in float16"
            ),
            (
                "\"class_name\": \"Sequential\"", "\"class_name\": \"Functional\"",
                "it holds a Functional model; NNKit reads Sequential models only"
            ),
        ])
    func unsupportedOptions(find: String, replace: String, message: String) throws {
        let url = try Self.editedConfig(Self.fixture("mlp.keras")) {
            $0.replacingOccurrences(of: find, with: replace)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        Self.expectRefusal(url, message) { _ = try Sequential.load(from: url) }
    }

    @Test("A config whose shapes differ from the weights' is refused before any weight is read")
    func wrongShapes() throws {
        let url = try Self.editedConfig(Self.fixture("mlp.keras")) {
            $0.replacingOccurrences(of: "\"units\": 3", with: "\"units\": 4")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        Self.expectRefusal(url, "layer dense_1 has a kernel of 5×3 in the file but 5×4 in this model") {
            _ = try Sequential.load(from: url)
        }
    }

    @Test("Huge declared sizes are refused without allocating them")
    func hugeSizes() throws {
        let url = try Self.editedConfig(Self.fixture("mlp.keras")) {
            $0.replacingOccurrences(of: "\"units\": 5", with: "\"units\": 4000000000")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        Self.expectRefusal(url, "needs more weights than its") { _ = try Sequential.load(from: url) }
    }

    @Test(
        "Damaged archives are refused in words",
        arguments: ["truncated", "no config", "no weights", "not JSON", "bomb", "not zip"])
    func damaged(problem: String) throws {
        let source = try Self.fixture("mlp.keras")
        let url: URL
        let message: String
        switch problem {
        case "truncated":
            url = Self.temporary("truncated.keras")
            let data = try Data(contentsOf: source)
            try data.prefix(data.count / 2).write(to: url)
            message = "it is not a readable zip archive"
        case "no config":
            url = try Self.rewritten(source) { $0["config.json"] = nil }
            message = "it has no config.json"
        case "no weights":
            url = try Self.rewritten(source) { $0["model.weights.h5"] = nil }
            message = "it has no model.weights.h5"
        case "not JSON":
            url = try Self.rewritten(source) { $0["config.json"] = Data("{\"class_name\": ".utf8) }
            message = "its config.json is not valid JSON"
        case "bomb":
            // 4 MiB of zeros deflate to a few KB: more than a thousandfold.
            url = try Self.rewritten(source, compressed: true) {
                $0["extra.bin"] = nil
                $0["config.json"] = Data(count: 4 << 20)
            }
            message = "refused as a zip bomb"
        default:
            url = Self.temporary("not-zip.keras")
            try Data("hello, not a zip".utf8).write(to: url)
            message = "it is not a readable zip archive (Not a zip archive)"
        }
        defer { try? FileManager.default.removeItem(at: url) }
        Self.expectRefusal(url, message) { _ = try Sequential.load(from: url) }
    }

    @Test("A damaged weights file inside is refused with HDF5's reason, and nothing is printed")
    func damagedWeights() throws {
        let url = try Self.rewritten(Self.fixture("mlp.keras")) { entries in
            let weights = try #require(entries["model.weights.h5"])
            entries["model.weights.h5"] = weights.prefix(weights.count / 3)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        Self.expectRefusal(url, "model.weights.h5 is not a readable HDF5 file (") { _ = try Sequential.load(from: url) }
        let garbage = try Self.rewritten(Self.fixture("mlp.keras")) {
            $0["model.weights.h5"] = Data(repeating: 7, count: 100)
        }
        defer { try? FileManager.default.removeItem(at: garbage) }
        Self.expectRefusal(garbage, "model.weights.h5 is not an HDF5 file") { _ = try Sequential.load(from: garbage) }
    }

    @Test("Saving into a folder that does not exist throws and leaves nothing behind")
    func failedWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnkit-missing-\(UUID().uuidString)")
        let url = folder.appendingPathComponent("model.keras")
        Self.expectRefusal(url, "it cannot be written") { try Self.mlp().save(to: url) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let existing = Self.temporary("kept.keras")
        defer { try? FileManager.default.removeItem(at: existing) }
        try Self.mlp().save(to: existing)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: existing.deletingLastPathComponent().path)
        // A temporary file's name starts with a dot and the name's first 24 characters.
        #expect(
            !siblings.contains { $0.hasPrefix(".\(existing.lastPathComponent.prefix(24))") },
            "a temporary file was left behind")
    }
}
