import Foundation
import NNKit
import Testing

/// Model files that lie about their sizes, hold broken numbers, or cannot be written: each is a
/// thrown `ModelFileError` naming the file and the problem, never a trap or a huge allocation.
@Suite("Model files that are broken or lie")
struct ModelFileHardeningTests {
    /// A safetensors file with `header` (as JSON text) and `body` bytes after it.
    static func file(header: String, body: Data = Data()) throws -> URL {
        var header = Data(header.utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data()
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(header)
        data.append(body)
        let url = ModelFileTests.temporaryFile()
        try data.write(to: url)
        return url
    }

    /// A header for one Dense layer of `units` on `inputSize` inputs, with tensors as given.
    static func denseHeader(inputSize: String = "3", units: String = "2", tensors: String) -> String {
        let layers = #"[{\"type\":\"Dense\",\"units\":\#(units),\"activation\":\"linear\"}]"#
        return
            #"{"__metadata__":{"format":"nnkit-sequential","input_size":"\#(inputSize)","layers":"\#(layers)"},\#(tensors)}"#
    }

    static let goodTensors =
        #""layers.0.kernel":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]},"#
        + #""layers.0.bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}"#

    static func floats(_ values: [Float]) -> Data {
        var data = Data()
        for value in values {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Loading `url` throws a ModelFileError naming it and containing `fragment`.
    static func expectRefused(_ url: URL, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Sequential.load(from: url)
            Issue.record("loading should fail with '\(fragment)'", sourceLocation: sourceLocation)
        } catch let error as ModelFileError {
            #expect(error.path == url.path, sourceLocation: sourceLocation)
            #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a ModelFileError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("The well-formed file these cases start from loads")
    func baseline() throws {
        let url = try Self.file(
            header: Self.denseHeader(tensors: Self.goodTensors), body: Self.floats(Array(repeating: 0.5, count: 8)))
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try Sequential.load(from: url)
        #expect(model.inputSize == 3 && model.outputSize == 2)
    }

    @Test(
        "Declared sizes are checked against the file before any layer is built",
        arguments: [
            // input_size and units whose weights would need terabytes: refused from the sizes alone.
            ("1000000000000", "2", goodTensors, "needs more weights than the file's tensors hold"),
            ("3", "1000000000000", goodTensors, "needs more weights than the file's tensors hold"),
            ("3", "4611686018427387904", goodTensors, "more weights than can be counted"),
            // A count that is not a whole number that fits (it used to read as 0).
            ("3", "1e30", goodTensors, "whole number 'units', got 1e+30"),
            ("0", "2", goodTensors, "no valid input_size"),
            ("-5", "2", goodTensors, "no valid input_size"),
        ])
    func absurdSizes(inputSize: String, units: String, tensors: String, fragment: String) throws {
        let url = try Self.file(
            header: Self.denseHeader(inputSize: inputSize, units: units, tensors: tensors),
            body: Self.floats(Array(repeating: 0.5, count: 8)))
        Self.expectRefused(url, fragment)
    }

    @Test(
        "Tensor shapes and data offsets that do not fit the file are refused",
        arguments: [
            (
                #""layers.0.kernel":{"dtype":"F32","shape":[3,-2],"data_offsets":[0,24]}"#,
                "which no tensor in a file can have"
            ),
            (
                #""layers.0.kernel":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,24]}"#,
                "which no tensor in a file can have"
            ),
            (#""layers.0.kernel":{"dtype":"F32","shape":[3,2],"data_offsets":[-8,16]}"#, "lie outside the file"),
            (
                #""layers.0.kernel":{"dtype":"F32","shape":[3,2],"data_offsets":[0,9223372036854775807]}"#,
                "lie outside the file"
            ),
            (#""layers.0.kernel":{"dtype":"F32","shape":[3,2],"data_offsets":[24,0]}"#, "lie outside the file"),
            (
                #""layers.0.kernel":{"dtype":"F32","shape":[3,2],"data_offsets":[0,99999999999999999999]}"#,
                "not a valid safetensors header"
            ),
        ])
    func badTensors(kernel: String, fragment: String) throws {
        let tensors = kernel + #","layers.0.bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}"#
        let url = try Self.file(
            header: Self.denseHeader(tensors: tensors), body: Self.floats(Array(repeating: 0.5, count: 8)))
        Self.expectRefused(url, fragment)
    }

    @Test("A header length past the file, a folder and a missing file are refused with their reason")
    func unreadable() throws {
        var data = Data()
        var length = UInt64.max.littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array("{}".utf8))
        let url = ModelFileTests.temporaryFile()
        try data.write(to: url)
        Self.expectRefused(url, "does not fit the file")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nnkit-folder-\(UUID().uuidString).safetensors")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        Self.expectRefused(folder, "it is a folder")
        Self.expectRefused(ModelFileTests.temporaryFile(), "there is no such file")

        let loop = ModelFileTests.temporaryFile()
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        Self.expectRefused(loop, "loop of symbolic links")
    }

    @Test("Weights that are NaN or infinite mean a broken model", arguments: [Float.nan, .infinity, -.infinity])
    func brokenNumbers(value: Float) throws {
        var weights: [Float] = Array(repeating: 0.5, count: 8)
        weights[4] = value
        let url = try Self.file(header: Self.denseHeader(tensors: Self.goodTensors), body: Self.floats(weights))
        Self.expectRefused(url, "layers.0.kernel holds \(value) at position 4: the model is broken")
    }

    @Test("Each layer's weight count and output shape are known from its settings alone, as building it gives")
    func parameterCounts() throws {
        let layers: [any Layer] = [
            Conv2D(filters: 4, kernelSize: Size2D(3, 2), strides: 2, padding: .same, activation: .relu),
            MaxPooling2D(poolSize: 2, padding: .same), Dropout(rate: 0.5), Flatten(),
            Dense(units: 7, activation: .relu), BatchNormalization(), Dropout(rate: 0.5),
            Activation(.tanh), Dense(units: 3),
        ]
        var shape = [9, 7, 2]
        for layer in layers {
            let (count, output) = try layer.configuration.parameterCount(inputShape: shape)
            var generator = RandomGenerator(seed: 1)
            let fresh = try layer.configuration.makeLayer()
            fresh.build(inputShape: shape, generator: &generator)
            #expect(count == fresh.parameters.reduce(0) { $0 + $1.count }, "\(layer.typeName)")
            #expect(output == fresh.outputShape, "\(layer.typeName)")
            shape = output
        }
    }
}

/// A save that fails part-way (a full disk) leaves no temporary file and the old file whole.
/// Needs a small tmpfs, which root can mount; elsewhere the test is skipped.
@Suite("Saving on a full disk", .enabled(if: FullDisk.available))
struct FullDiskSaveTests {
    @Test("A failed save leaves neither a temporary file nor a damaged old file")
    func failedSave() throws {
        let disk = try FullDisk(bytes: 64 * 1024)
        defer { disk.remove() }
        let url = disk.folder.appendingPathComponent("model.safetensors")
        let small = Sequential(inputSize: 4, [Dense(units: 2)], seed: 1)
        try small.save(to: url)
        let before = try Data(contentsOf: url)
        // 784 × 64 weights: 200 KB, more than the disk holds.
        let large = Sequential(inputSize: 784, [Dense(units: 64)], seed: 1)
        #expect(throws: ModelFileError(path: url.path, problem: "it cannot be written (the disk is full)")) {
            try large.save(to: url)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["model.safetensors"])
        #expect(try Data(contentsOf: url) == before)
        #expect(try Sequential.load(from: url).weights.map(\.value) == small.weights.map(\.value))
    }
}

/// A tmpfs of a given size mounted on a fresh folder.
struct FullDisk {
    let folder: URL

    static let available: Bool = {
        guard getuid() == 0, let disk = try? FullDisk(bytes: 4096) else { return false }
        disk.remove()
        return true
    }()

    init(bytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnkit-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard mount("tmpfs", folder.path, "tmpfs", 0, "size=\(bytes)") == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func remove() {
        umount(folder.path)
        try? FileManager.default.removeItem(at: folder)
    }
}

@Suite("Model files that lie, found by trying")
struct ModelFileProbeTests {
    @Test(
        "Tensors of another type, of absurd or mis-shaped sizes, and bad regularizers are refused",
        arguments: [
            (
                #""x":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,0]}"#,
                "which no tensor in a file can have"
            ),
            (
                #""x":{"dtype":"U8","shape":[4611686018427387904],"data_offsets":[0,0]}"#,
                "x is U8; NNKit models hold F32 tensors only"
            ),
        ])
    func extraTensor(extra: String, fragment: String) throws {
        let url = try ModelFileHardeningTests.file(
            header: ModelFileHardeningTests.denseHeader(tensors: ModelFileHardeningTests.goodTensors + "," + extra),
            body: ModelFileHardeningTests.floats(Array(repeating: 0.5, count: 8)))
        ModelFileHardeningTests.expectRefused(url, fragment)
    }

    @Test("A kernel must have the shape [inputs, units], not merely as many values")
    func misShaped() throws {
        let tensors =
            #""layers.0.kernel":{"dtype":"F32","shape":[1,3,2],"data_offsets":[0,24]},"#
            + #""layers.0.bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]}"#
        let url = try ModelFileHardeningTests.file(
            header: ModelFileHardeningTests.denseHeader(tensors: tensors),
            body: ModelFileHardeningTests.floats(Array(repeating: 0.5, count: 8)))
        ModelFileHardeningTests.expectRefused(url, "has shape [1, 3, 2]; layer 0 needs [3, 2]")
    }

    @Test("A regularizer factor must be finite and not negative", arguments: ["l2(-1000)", "l2(nan)", "l1(inf)"])
    func regularizers(name: String) {
        #expect(Regularizer(name: name) == nil)
    }
}
