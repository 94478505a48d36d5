import CHDF5
import Foundation
import Testing

@testable import NNKit

/// A corpus of hostile and broken model files, all made in code: odd sizes, storage layouts,
/// chunking, many layers, weird names, huge declared shapes, truncated files, zip and JSON
/// oddities. Reading each must throw a `ModelFileError` whose message names the layer or field
/// at fault: no trap, no abort, within `timeLimit` and `memoryLimit`.
@Suite("A corpus of hostile model files", .serialized)
struct ModelFileCorpusTests {
    /// Bounds a hostile file must not break, not benchmarks: the files that broke them took a
    /// minute, or gigabytes.
    static let timeLimit = Duration.seconds(5)
    static let memoryLimit = 1 << 30

    typealias Crafted = CraftedModelFiles
    typealias Dataset = CraftedModelFiles.Dataset

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let fragment: String
        let make: @Sendable () throws -> URL
        var testDescription: String { name }

        init(_ name: String, _ fragment: String, make: @escaping @Sendable () throws -> URL) {
            (self.name, self.fragment, self.make) = (name, fragment, make)
        }
    }

    static func keras(
        _ layers: [String], inputShape: [Int] = [3], weights: Data? = nil,
        compileConfig: String = "null"
    ) throws -> URL {
        try Crafted.keras(
            config: Crafted.config(inputShape: inputShape, layers, compileConfig: compileConfig),
            weights: weights ?? Crafted.denseWeights())
    }

    static func dense(_ options: String, name: String = "dense") -> String {
        Crafted.layer("Dense", name: name, options)
    }

    static func safetensors(_ metadata: String, tensors: String = "", body: Data = Data()) throws -> URL {
        try ModelFileHardeningTests.file(
            header: #"{"__metadata__":{"format":"nnkit-sequential",\#(metadata)}"#
                + (tensors.isEmpty ? "" : ",\(tensors)") + "}", body: body)
    }

    /// A Dense(units) on `inputs` whose kernel is `kernel`.
    static func storedKernel(_ kernel: Dataset, inputs: Int = 32, units: Int = 32) throws -> URL {
        try keras(
            [dense(#""units": \#(units)"#)], inputShape: [inputs],
            weights: Crafted.kerasWeights([("dense", [kernel, Dataset(shape: [units])])]))
    }

    /// A copy of `url` cut to `fraction` of its bytes.
    static func truncated(_ url: URL, to fraction: Double) throws -> URL {
        let data = try Data(contentsOf: url)
        try data.prefix(Int(Double(data.count) * fraction)).write(to: url)
        return url
    }

    static let deflate = (id: Int32(H5Z_FILTER_DEFLATE), values: [UInt32(6)])

    static let cases: [Case] = [
        // Odd sizes.
        Case("zero units", "layer 'dense' (Dense): Dense needs at least one unit, got 0") {
            try keras([dense(#""units": 0"#)])
        },
        Case("fractional units", "layer 'dense' (Dense) has no whole number units") {
            try keras([dense(#""units": 2.5"#)])
        },
        Case("a kernel of size 0", "layer 'conv2d' (Conv2D): Conv2D's 'kernel_size' must be two positive") {
            try keras(
                [Crafted.layer("Conv2D", name: "conv2d", #""filters": 2, "kernel_size": [0, 3]"#)],
                inputShape: [4, 4, 1])
        },
        Case("an input of size 0", "layer 'input_layer' (InputLayer)'s input shape [null, 0] needs positive sizes") {
            try keras([dense(#""units": 2"#)], inputShape: [0])
        },
        Case(
            "a window larger than the image",
            "layer 'max_pooling2d' (MaxPooling2D): MaxPooling2D's 9 window does not fit"
        ) {
            try keras(
                [Crafted.layer("MaxPooling2D", name: "max_pooling2d", #""pool_size": [9, 9]"#)],
                inputShape: [4, 4, 1])
        },
        Case("a NaN rate", "layer 'dropout' (Dropout) has no number rate") {
            try keras([dense(#""units": 2"#), Crafted.layer("Dropout", name: "dropout", #""rate": NaN"#)])
        },
        // Huge declared shapes.
        Case("4e9 units", "layer 'dense' (Dense) on (3) inputs needs more weights than its") {
            try keras([dense(#""units": 4000000000"#)])
        },
        // 1 MB could hold 2 million weights compressed, not 150 million (600 MB, and as much again in
        // gradients).
        Case("150 million weights in a 1 MB file", "layer 'dense' (Dense) on (3) inputs needs more weights than its") {
            try keras(
                [dense(#""units": 50000000"#)],
                weights: Crafted.kerasWeights([("padding", [Dataset(shape: [250_000])])]))
        },
        Case("2.8 million filters", "layer 'conv2d' (Conv2D) would give (28, 28, 2800000) per sample") {
            try keras(
                [Crafted.layer("Conv2D", name: "conv2d", #""filters": 2800000, "kernel_size": 1"#)],
                inputShape: [28, 28, 1],
                weights: Crafted.kerasWeights([("padding", [Dataset(shape: [750_000])])]))
        },
        Case("a 1000 × 1000 same kernel", "the most for layer 'conv2d' (Conv2D) (output (28, 28, 1)") {
            let options = #""filters": 1, "kernel_size": 1000, "padding": "same""#
            return try keras(
                [Crafted.layer("Conv2D", name: "conv2d", options)], inputShape: [28, 28, 1],
                weights: Crafted.kerasWeights([("padding", [Dataset(shape: [1_000_000])])]))
        },
        Case(
            "an input of 2^32 values",
            "input shape [null, 65536, 65536] has more values per sample than NNKit takes"
        ) {
            try keras([dense(#""units": 1"#)], inputShape: [65536, 65536])
        },
        Case("a pooled input of 2^32 values (safetensors)", "the model's input (65536, 65536, 1) has more values") {
            try safetensors(
                #""input_size":"4294967296","input_shape":"[65536,65536,1]","#
                    + #""layers":"[{\"type\":\"MaxPooling2D\"}]""#)
        },
        Case("a tensor of 2^64 values", "layers.0.kernel has the shape [4294967296, 4294967296], which no tensor") {
            try safetensors(
                #""input_size":"3","layers":"[{\"type\":\"Dense\",\"units\":2}]""#,
                tensors: #""layers.0.kernel":{"dtype":"F32","shape":[4294967296,4294967296],"#
                    + #""data_offsets":[0,24]}"#)
        },
        // Storage layouts and chunking.
        Case(
            "a 1 GiB chunk for a 32 × 32 kernel",
            "(the kernel of dense) cannot be read: it is stored in chunks of 16384×16384"
        ) {
            try storedKernel(
                Dataset(
                    shape: [32, 32], chunk: [16384, 16384], unlimited: true, filters: [deflate],
                    rawChunks: [([0, 0], 0, Crafted.deflatedZeros(mebibytes: 4))]))
        },
        // 1 GiB of zeros in a 1 MB stream, for a 4 MiB chunk: HDF5 would inflate all of it.
        Case(
            "a chunk that inflates to 1 GiB",
            "its chunk at (0, 0) inflates to more than the 4194304 bytes of one chunk"
        ) {
            try storedKernel(
                Dataset(
                    shape: [1024, 1024], chunk: [1024, 1024], filters: [deflate],
                    rawChunks: [([0, 0], 0, Crafted.deflatedZeros(mebibytes: 1024))]),
                inputs: 1024, units: 1024)
        },
        Case("a missing chunk", "(the kernel of dense) cannot be read: it stores 1 of the 4 chunks") {
            try storedKernel(
                Dataset(
                    shape: [32, 32], chunk: [16, 16], filters: [deflate],
                    rawChunks: [([0, 0], 0, Crafted.deflated(Data(count: 1024)))]))
        },
        Case("an unknown filter", "through the filter 'scaleoffset' (number 6)") {
            let scaleOffset = (id: Int32(H5Z_FILTER_SCALEOFFSET), values: [UInt32(0), 2])
            return try storedKernel(Dataset(shape: [32, 32], chunk: [32, 32], filters: [scaleOffset]))
        },
        Case(
            "data in another file",
            "layers/dense/vars/0 (the kernel of dense) cannot be read: its data is stored in another file"
        ) {
            try storedKernel(Dataset(shape: [32, 32], external: ModelFileTests.temporaryFile("external.bin").path))
        },
        Case("float64 weights", "layers/dense/vars/0 (the kernel of dense) is float64") {
            try KerasFileTests.fixture("mlp-float64.weights.h5")
        },
        Case("a missing bias", "model.weights.h5 has no bias for layer dense (Dense)") {
            try keras([dense(#""units": 2"#)], weights: Crafted.denseWeights(bias: nil))
        },
        // Many layers.
        Case("60,000 layers", "it has 60,000 layers, more than the 10,000 NNKit reads") {
            try keras((0..<60_000).map { Crafted.layer("Activation", name: "a\($0)", #""activation": "relu""#) })
        },
        // Weird names and values.
        Case("escape sequences in a layer name", #"layer 'x\u{1B}[2J\n' (Dense) has the activation "gelu""#) {
            try keras([dense(#""units": 2, "activation": "gelu""#, name: "x\u{1B}[2J\n")])
        },
        Case("a model that ends in logits", "it was compiled with SparseCategoricalCrossentropy from_logits=True") {
            try keras(
                [dense(#""units": 2"#)],
                compileConfig: #"{"loss": {"class_name": "SparseCategoricalCrossentropy", "#
                    + #""config": {"from_logits": true}}}"#)
        },
        Case("a Dropout without a rate", "layer 'dropout' (Dropout) has no rate") {
            try keras([dense(#""units": 2"#), Crafted.layer("Dropout", name: "dropout")])
        },
        // The 512th '[' after the 39 bytes before the first.
        Case(
            "JSON nested 100,000 deep",
            "its config.json is not valid JSON (at byte 550: arrays and objects nest more than 512 deep)"
        ) {
            try Crafted.keras(
                config: #"{"class_name": "Sequential", "config": "#
                    + String(repeating: "[", count: 100_000),
                weights: Crafted.denseWeights())
        },
        Case("a config that is a list", "config.json has no class_name") {
            try Crafted.keras(config: "[1, 2, 3]", weights: Crafted.denseWeights())
        },
        // Truncated files.
        Case("a truncated .keras", "it is not a readable zip archive") {
            try truncated(try keras([dense(#""units": 2"#)]), to: 0.6)
        },
        Case("a truncated model.weights.h5", "model.weights.h5 is not a readable HDF5 file") {
            try keras([dense(#""units": 2"#)], weights: Crafted.denseWeights().prefix(700))
        },
        Case("a truncated safetensors body", "layers.0.bias's data offsets [24, 32] lie outside the file's 8 bytes") {
            try safetensors(
                #""input_size":"3","layers":"[{\"type\":\"Dense\",\"units\":2}]""#,
                tensors: ModelFileHardeningTests.goodTensors, body: Data(count: 8))
        },
        // Zip oddities.
        Case("a config.json that is a zip bomb", "its entry config.json declares 4194304 bytes but stores only") {
            let url = ModelFileTests.temporaryFile("bomb.keras")
            try ZipArchive.write(
                [("config.json", Data(count: 4 << 20)), ("model.weights.h5", Crafted.denseWeights())],
                to: url.path, compressed: true)
            return url
        },
        Case("config.json twice", "it holds the entry config.json twice") {
            let config = Data(Crafted.denseConfig.utf8)
            let url = try Crafted.keras([
                ("config.json", config), ("config.jsoX", Data("{}".utf8)),
                ("model.weights.h5", Crafted.denseWeights()),
            ])
            var bytes = try Data(contentsOf: url)
            while let range = bytes.range(of: Data("config.jsoX".utf8)) {
                bytes.replaceSubrange(range, with: Data("config.json".utf8))
            }
            try bytes.write(to: url)
            return url
        },
        Case("no weights entry", "it has no model.weights.h5") {
            try Crafted.keras([("config.json", Data(Crafted.denseConfig.utf8))])
        },
    ]

    @Test(
        "Each hostile file is refused in words naming what is wrong, in bounded time and memory",
        arguments: cases)
    func refused(file: Case) throws {
        let url = try file.make()
        defer {
            if url.path.hasPrefix(FileManager.default.temporaryDirectory.path) {
                try? FileManager.default.removeItem(at: url)
            }
        }
        PeakMemory.reset()
        let before = PeakMemory.residentBytes()
        let clock = ContinuousClock()
        let start = clock.now
        KerasFileTests.expectRefusal(url, file.fragment) {
            if url.lastPathComponent.hasSuffix(".weights.h5") {
                try KerasFileTests.mlp().loadWeights(from: url)
            } else {
                _ = try Sequential.load(from: url)
            }
        }
        let elapsed = clock.now - start
        #expect(elapsed < Self.timeLimit, "\(file.name) took \(elapsed)")
        if let before, let peak = PeakMemory.peakBytes() {
            #expect(peak - before < Self.memoryLimit, "\(file.name) took \(peak - before) bytes at its peak")
        }
    }
}

@Suite("The corpus's own tools")
struct CorpusToolTests {
    @Test("The zeros stream the chunk bomb uses is a real zlib stream of that many zeros")
    func zerosStream() throws {
        let stream = CraftedModelFiles.deflatedZeros(mebibytes: 3)
        let inflated = try HDF5File.inflated(Array(stream), size: 3 << 20) { HDF5Failure(problem: $0) }
        #expect(inflated.count == 3 << 20 && inflated.allSatisfy { $0 == 0 })
        #expect(stream.count < 8 << 10)
    }
}

/// The process's resident memory and its peak, from /proc (Linux); nil elsewhere.
enum PeakMemory {
    /// Starts the peak afresh (writing 5 to clear_refs resets VmHWM).
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func residentBytes() -> Int? { field("VmRSS") }
    static func peakBytes() -> Int? { field("VmHWM") }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
        return line?.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }
}
