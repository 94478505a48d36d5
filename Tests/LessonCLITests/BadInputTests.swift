import Foundation
import Testing

/// Bad input from the command line, every class of it, against the built `lesson`: each ends
/// with a non-zero exit (never a trap: a signal, or status 132–139) and a message naming the
/// input and the problem.
@Suite("Bad input to the lesson command")
struct BadInputTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs lesson with `arguments` and checks the refusal: exit status 1 or 64, every fragment
    /// in what it printed.
    static func expectRefusal(
        _ arguments: [String], _ fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try LessonCommandTests.lesson(arguments)
        #expect(
            result.status == 1 || result.status == 64,
            "lesson \(arguments.joined(separator: " ")) ended with \(result.status)", sourceLocation: sourceLocation)
        let printed = result.output + result.error
        for fragment in fragments {
            #expect(
                printed.contains(fragment), "lesson \(arguments.joined(separator: " ")) printed: \(printed)",
                sourceLocation: sourceLocation)
        }
        #expect(!printed.contains("Fatal error"), sourceLocation: sourceLocation)
    }

    @Test(
        "Numbers outside their documented range are refused, naming the option and the range",
        arguments: [
            (["1", "run", "--threads", "99999999999"], ["--threads takes 1 to", "99999999999"]),
            (["1", "run", "--threads", "1000"], ["--threads takes 1 to", "1000"]),
            (["bench", "--threads", "0"], ["--threads takes 1 to"]),
            (["bench", "--epochs", "100000"], ["--epochs takes 1 to 100"]),
            (["bench", "--cnn-epochs", "0"], ["--cnn-epochs takes 1 to 100"]),
            (["bench", "--batch-sizes", "--epochs", "2"], ["--batch-sizes", "takes no --epochs"]),
            (["bench", "--batch-sizes", "--cnn-only", "--cnn-epochs", "3"], ["takes no --cnn-epochs, --cnn-only"]),
            (["check", "--time-limit", "9999999999999"], ["--time-limit takes 1 to 600 seconds"]),
            (["watch", "--time-limit", "0"], ["--time-limit takes 1 to 600 seconds"]),
            (["augment", "x.png", "--rotate", "nan"], ["--rotate takes -360 to 360 degrees, got nan"]),
            (["augment", "x.png", "--rotate", "1e300"], ["--rotate takes -360 to 360 degrees"]),
            (["augment", "x.png", "--zoom", "inf"], ["--zoom takes 0.1 to 10, got inf"]),
            (["augment", "x.png", "--zoom", "0.000001"], ["--zoom takes 0.1 to 10"]),
            (["augment", "x.png", "--shift", "1e308,0"], ["--shift takes -1000 to 1000 pixels"]),
            (["augment", "x.png", "--stretch", "1,0"], ["--stretch takes 0.1 to 10, got 0"]),
            (["augment", "x.png", "--shear=-89.9"], ["--shear takes -80 to 80 degrees"]),
            (["augment", "x.png", "--random", "0"], ["--random takes 1 to 1000 variants"]),
            (["augment", "--fashion", "70000"], ["--fashion takes training images 0 to 59999, got 70000"]),
            (["augment", "--fashion", "1,,2"], ["--fashion takes image numbers separated by commas"]),
        ])
    func numbers(arguments: [String], fragments: [String]) throws {
        try Self.expectRefusal(arguments, fragments)
    }

    @Test("Output that would be lost or land nowhere is refused before any work")
    func outputs() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        try Self.expectRefusal(
            ["4", "run", "--save", folder.appendingPathComponent("none/m.safetensors").path],
            ["--save", "none/m.safetensors", "does not exist"])
        try Self.expectRefusal(
            ["4", "run", "--save", folder.path + "/"], ["--save", "give it a name ending in .safetensors"])
        try Self.expectRefusal(
            ["4", "run", "--out", file.path + "/pictures"], ["--out", "plain is a file, not a folder"])
        try Self.expectRefusal(["augment", "a/x.png", "b/x.png"], ["a/x.png and b/x.png", "same name"])
        try Self.expectRefusal(["augment", "x.png", "--out", file.path], ["--out", "is a file, not a folder"])
    }

    @Test("'lesson help' of something that is not a command is an error")
    func help() throws {
        try Self.expectRefusal(["help", "bogus"], ["there is no command 'bogus'", "lesson --help"])
        try Self.expectRefusal(["help", "12"], ["'lesson 12' reads chapter 12"])
        #expect(try LessonCommandTests.lesson(["help", "check"]).status == 0)
    }

    @Test("A dataset of another size is refused before training, naming the file")
    func smallDataset() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Plain IDX files under the .gz names: the reader looks at the bytes, not the name.
        func idx(_ dimensions: [Int], count: Int) -> Data {
            var bytes: [UInt8] = [0, 0, 8, UInt8(dimensions.count)]
            for dimension in dimensions { bytes += withUnsafeBytes(of: UInt32(dimension).bigEndian, Array.init) }
            return Data(bytes + [UInt8](repeating: 1, count: count))
        }
        try idx([1000, 28, 28], count: 1000 * 784).write(
            to: folder.appendingPathComponent("train-images-idx3-ubyte.gz"))
        try idx([1000], count: 1000).write(to: folder.appendingPathComponent("train-labels-idx1-ubyte.gz"))
        try idx([0, 28, 28], count: 0).write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        try idx([0], count: 0).write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        for chapter in ["4", "6", "8"] {
            try Self.expectRefusal(
                [chapter, "run", "--data", folder.path],
                ["train-images-idx3-ubyte.gz", "holds 1000 images, not the 60000"])
        }
        try Self.expectRefusal(["bench", "--data", folder.path], ["holds 1000 images, not the 60000"])
    }

    @Test("A model with broken numbers or lying sizes makes evaluate fail, naming the file")
    func brokenModels() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        func model(inputSize: String, kernel: [Float]) throws -> String {
            let layers = #"[{\"type\":\"Dense\",\"units\":10,\"activation\":\"softmax\"}]"#
            var header = Data(
                (#"{"__metadata__":{"format":"nnkit-sequential","input_size":"\#(inputSize)","layers":"\#(layers)"},"#
                    + #""layers.0.kernel":{"dtype":"F32","shape":[784,10],"data_offsets":[0,31360]},"#
                    + #""layers.0.bias":{"dtype":"F32","shape":[10],"data_offsets":[31360,31400]}}"#).utf8)
            while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
            var data = Data(withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init))
            data.append(header)
            for value in kernel + [Float](repeating: 0, count: 10) {
                data.append(contentsOf: withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init))
            }
            let url = folder.appendingPathComponent("m-\(UUID().uuidString).safetensors")
            try data.write(to: url)
            return url.path
        }
        var weights = [Float](repeating: 0.01, count: 7840)
        weights[100] = .nan
        let nan = try model(inputSize: "784", kernel: weights)
        try Self.expectRefusal(["evaluate", nan], [nan, "holds nan at position 100", "broken"])
        let huge = try model(inputSize: "784000000000", kernel: [Float](repeating: 0.01, count: 7840))
        try Self.expectRefusal(["evaluate", huge], [huge, "needs more weights than the file's tensors hold"])
        try Self.expectRefusal(["evaluate", folder.path], [folder.path, "it is a folder"])
    }
}
