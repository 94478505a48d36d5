import Foundation
import NNKit
import Testing

@Suite("Model files (safetensors)")
struct ModelFileTests {
    static func temporaryFile(_ name: String = "model.safetensors") -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnkit-\(UUID().uuidString)-\(name)")
    }

    static func model() -> Sequential {
        Sequential(
            inputSize: 6,
            [
                Dense(units: 5, activation: .relu), Dropout(rate: 0.25),
                BatchNormalization(), Dense(units: 3, activation: .softmax),
            ], seed: 4)
    }

    @Test("A saved model loads back with the same layers and the same predictions")
    func roundTrip() throws {
        let original = Self.model()
        // Move BatchNormalization's moving statistics off their defaults so they are really saved.
        _ = original.forward(Matrix(rows: 8, columns: 6, scalars: (0..<48).map { Float($0 % 7) }), training: true)
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try original.save(to: url)
        let loaded = try Sequential.load(from: url)
        #expect(loaded.layers.map(\.configuration) == original.layers.map(\.configuration))
        #expect(loaded.weights.map(\.key) == original.weights.map(\.key))
        #expect(loaded.weights.map(\.value) == original.weights.map(\.value))
        let x = Matrix(rows: 4, columns: 6, scalars: (0..<24).map { Float($0) / 10 })
        #expect(loaded.predict(x) == original.predict(x))
    }

    @Test("A convolutional model keeps its input shape, its layers' settings and Keras's kernel shapes")
    func convolutionalRoundTrip() throws {
        let original = Sequential(
            inputShape: [8, 7, 2],
            [
                Conv2D(filters: 4, kernelSize: Size2D(3, 2), strides: 2, padding: .same, activation: .relu),
                MaxPooling2D(poolSize: 2, padding: .same), Flatten(), Dense(units: 3, activation: .softmax),
            ], seed: 5)
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try original.save(to: url)
        let loaded = try Sequential.load(from: url)
        #expect(loaded.inputShape == [8, 7, 2])
        #expect(loaded.layers.map(\.configuration) == original.layers.map(\.configuration))
        #expect(loaded.layers.map(\.outputShape) == [[4, 4, 4], [2, 2, 4], [16], [3]])
        #expect(loaded.weights.map(\.value) == original.weights.map(\.value))
        let x = Matrix(rows: 3, columns: 112, scalars: (0..<336).map { Float($0 % 11) / 10 })
        #expect(loaded.predict(x) == original.predict(x))

        let data = try Data(contentsOf: url)
        let length = Int(
            data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        let header = try #require(try JSONSerialization.jsonObject(with: data[8..<8 + length]) as? [String: Any])
        #expect((header["layers.0.kernel"] as? [String: Any])?["shape"] as? [Int] == [3, 2, 2, 4])
        let metadata = try #require(header["__metadata__"] as? [String: String])
        #expect(metadata["input_shape"] == "[8,7,2]")
        #expect(
            metadata["layers"]?.hasPrefix(
                #"[{"type":"Conv2D","filters":4,"kernel_size":[3,2],"strides":[2,2],"padding":"same","activation":"relu"},{"type":"MaxPooling2D","pool_size":[2,2]"#
            ) == true)
    }

    @Test("The header names tensors and metadata as specified")
    func header() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.model().save(to: url)
        let data = try Data(contentsOf: url)
        let length = Int(
            data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        #expect(length % 8 == 0)
        let header = try #require(try JSONSerialization.jsonObject(with: data[8..<8 + length]) as? [String: Any])
        let metadata = try #require(header["__metadata__"] as? [String: String])
        #expect(metadata["format"] == "nnkit-sequential")
        #expect(metadata["input_size"] == "6")
        #expect(
            metadata["layers"]
                == #"[{"type":"Dense","units":5,"activation":"relu"},{"type":"Dropout","rate":0.25},{"type":"BatchNormalization","momentum":0.99,"epsilon":0.001},{"type":"Dense","units":3,"activation":"softmax"}]"#
        )
        let kernel = try #require(header["layers.0.kernel"] as? [String: Any])
        #expect(kernel["dtype"] as? String == "F32")
        #expect(kernel["shape"] as? [Int] == [6, 5])
        #expect((header["layers.0.bias"] as? [String: Any])?["shape"] as? [Int] == [5])
        #expect(header["layers.2.moving_variance"] != nil)
        // Every byte after the header belongs to exactly one tensor.
        let total = header.values.compactMap { ($0 as? [String: Any])?["data_offsets"] as? [Int] }.map { $0[1] - $0[0] }
            .reduce(0, +)
        #expect(total == data.count - 8 - length)
    }

    @Test("A truncated, foreign or mismatched file is refused with the file's name")
    func badFiles() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.model().save(to: url)
        let data = try Data(contentsOf: url)

        try data.prefix(data.count - 10).write(to: url)
        #expect(throws: ModelFileError.self) { try Sequential.load(from: url) }
        try data.prefix(5).write(to: url)
        #expect(throws: ModelFileError.self) { try Sequential.load(from: url) }
        try Data("not a model at all, just some text here".utf8).write(to: url)
        #expect(throws: ModelFileError.self) { try Sequential.load(from: url) }
        let missing = Self.temporaryFile("missing.safetensors")
        do {
            _ = try Sequential.load(from: missing)
            Issue.record("loading a missing file should throw")
        } catch let error as ModelFileError {
            #expect(error.description.contains(missing.path))
            #expect(error.description.contains("no such file"))
        }
    }

    @Test("Saving into a folder that does not exist throws and creates nothing")
    func unwritable() {
        let folder = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        #expect(throws: ModelFileError.self) {
            try Self.model().save(to: folder.appendingPathComponent("model.safetensors"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test(
        "ModelCheckpoint(saveWeightsOnly:) writes weights a model built by code loads, whichever format the name gives")
    func weightsOnlyCheckpoint() throws {
        for name in ["best.weights.h5", "best.weights.safetensors"] {
            let model = Self.model()
            model.compile(optimizer: SGD(learningRate: 0.1), loss: .sparseCategoricalCrossentropy)
            let url = Self.temporaryFile(name)
            defer { try? FileManager.default.removeItem(at: url) }
            let checkpoint = ModelCheckpoint(path: url, monitor: .loss, saveWeightsOnly: true)
            let x = Matrix(rows: 12, columns: 6, scalars: (0..<72).map { Float($0 % 5) / 4 })
            let y = Matrix(rows: 12, columns: 1, scalars: (0..<12).map { Float($0 % 3) })
            try model.fit(x, y, epochs: 2, batchSize: 4, callbacks: [checkpoint], verbose: .silent)
            #expect(checkpoint.saveError == nil)
            #expect(checkpoint.savedEpochs == [0, 1], "\(name): Keras's default saves after every epoch")
            let rebuilt = Sequential(
                inputSize: 6,
                [
                    Dense(units: 5, activation: .relu), Dropout(rate: 0.25),
                    BatchNormalization(), Dense(units: 3, activation: .softmax),
                ], seed: 99)
            #expect(rebuilt.predict(x) != model.predict(x))
            try rebuilt.loadWeights(from: url)
            #expect(rebuilt.predict(x) == model.predict(x), "\(name): the last epoch's weights")
            #expect(throws: ModelFileError.self, "\(name) holds no layer list") { try Sequential.load(from: url) }
        }
    }
}
