import Foundation
import Testing

/// `lesson export` between NNKit's and Keras's files, and `lesson evaluate` on both.
@Suite("lesson export and evaluate on Keras files")
struct ExportCommandTests {
    /// A 784 → 10 softmax model as NNKit's safetensors, with weights that tell classes apart a
    /// little: kernel[i, c] = sin(i · (c + 1)) / 100.
    static func model(in folder: URL) throws -> URL {
        let layers = #"[{\"type\":\"Dense\",\"units\":10,\"activation\":\"softmax\"}]"#
        var header = Data(
            (#"{"__metadata__":{"format":"nnkit-sequential","input_size":"784","layers":"\#(layers)"},"#
                + #""layers.0.kernel":{"dtype":"F32","shape":[784,10],"data_offsets":[0,31360]},"#
                + #""layers.0.bias":{"dtype":"F32","shape":[10],"data_offsets":[31360,31400]}}"#).utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data(withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init))
        data.append(header)
        let kernel: [Float] = (0..<7840).map { index in
            let (pixel, unit) = (index / 10, index % 10)
            return Float(sin(Double(pixel * (unit + 1)))) / 100
        }
        for value in kernel + [Float](repeating: 0, count: 10) {
            data.append(contentsOf: withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init))
        }
        let url = folder.appendingPathComponent("model.safetensors")
        try data.write(to: url)
        return url
    }

    /// The "Test set (10,000 images): loss … accuracy …" line `lesson evaluate` prints.
    static func testLine(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("Test set") }.map(String.init)
    }

    @Test("A model exported to .keras evaluates to the same loss and accuracy, and back again")
    func exportAndEvaluate() throws {
        let folder = try BadInputTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let safetensors = try Self.model(in: folder).path
        let keras = folder.appendingPathComponent("model.keras").path
        let back = folder.appendingPathComponent("back.safetensors").path
        let exported = try LessonCommandTests.lesson("export", safetensors, keras)
        #expect(exported.status == 0, "\(exported.output)\(exported.error)")
        #expect(exported.output.contains("Wrote \(keras): 1 layers, 7,850 weights"))
        #expect(try LessonCommandTests.lesson("export", keras, back).status == 0)
        let lines = try [safetensors, keras, back].map { file in
            let result = try LessonCommandTests.lesson("evaluate", file)
            #expect(result.status == 0, "\(result.output)\(result.error)")
            return Self.testLine(result.output)
        }
        #expect(lines[0] != nil)
        #expect(lines[1] == lines[0] && lines[2] == lines[0], "\(lines)")
        let weights = folder.appendingPathComponent("model.weights.h5").path
        #expect(try LessonCommandTests.lesson("export", keras, weights).status == 0)
        #expect(FileManager.default.fileExists(atPath: weights))
    }

    @Test("export refuses what it cannot do, saying what to type instead")
    func refusals() throws {
        let folder = try BadInputTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try Self.model(in: folder).path
        let taken = folder.appendingPathComponent("taken.keras").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: taken))
        try BadInputTests.expectRefusal(
            ["export", model, taken], [taken, "it exists already; add --force to replace it"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: taken)) == Data("old".utf8))
        #expect(try LessonCommandTests.lesson("export", model, taken, "--force").status == 0)
        try BadInputTests.expectRefusal(
            ["export", model, folder.appendingPathComponent("m.onnx").path],
            ["export writes .keras, .safetensors, .weights.h5, .weights.safetensors"])
        let missing = folder.appendingPathComponent("missing.keras").path
        try BadInputTests.expectRefusal(
            ["export", missing, folder.appendingPathComponent("m.safetensors").path],
            [missing, "there is no such file"])
        let weights = folder.appendingPathComponent("m.weights.h5").path
        #expect(try LessonCommandTests.lesson("export", model, weights).status == 0)
        try BadInputTests.expectRefusal(
            ["export", weights, folder.appendingPathComponent("m2.keras").path],
            [weights, "it holds weights only"])
        try BadInputTests.expectRefusal(["export", model, model], ["it is the input file itself"])
        try BadInputTests.expectRefusal(["evaluate", weights], [weights, "holds weights only"])
    }

    @Test("export writes a .keras name of 250 characters, and refuses one over 255 bytes in words")
    func longOutputNames() throws {
        let folder = try BadInputTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try Self.model(in: folder).path
        let long = folder.appendingPathComponent(String(repeating: "m", count: 244) + ".keras").path
        let written = try LessonCommandTests.lesson("export", model, long)
        #expect(written.status == 0, "\(written.output)\(written.error)")
        #expect(FileManager.default.fileExists(atPath: long))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 2, "no temporary file is left: \(files)")
        let tooLong = folder.appendingPathComponent(String(repeating: "m", count: 250) + ".keras").path
        try BadInputTests.expectRefusal(
            ["export", model, tooLong],
            ["its name is 256 bytes long, more than the 255 a file name can have here"])
    }

    /// A safetensors model whose MaxPooling2D would take 65536 × 65536 images: 4 GiB an image.
    static func hugeInputModel(at url: URL) throws {
        let layers = #"[{\"type\":\"MaxPooling2D\"}]"#
        var header = Data(
            (#"{"__metadata__":{"format":"nnkit-sequential","input_size":"4294967296","#
                + #""input_shape":"[65536,65536,1]","layers":"\#(layers)"}}"#).utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data(withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init))
        data.append(header)
        try data.write(to: url)
    }

    @Test("evaluate and export refuse a model that would need more memory than NNKit allows, with status 1")
    func modelTooLarge() throws {
        let folder = try BadInputTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("huge.safetensors")
        try Self.hugeInputModel(at: model)
        let message = "the model's input (65536, 65536, 1) has more values per sample than NNKit's limit of 268,435,456"
        try BadInputTests.expectRefusal(["evaluate", model.path], [model.path, message])
        let output = folder.appendingPathComponent("out.keras").path
        try BadInputTests.expectRefusal(["export", model.path, output], [message])
    }

    @Test("A file name holding escape sequences is shown escaped, never sent to the terminal as it is")
    func escapedNames() throws {
        let folder = try BadInputTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("evil\u{1B}[2J\u{1B}[31m.safetensors")
        try Self.hugeInputModel(at: model)
        let result = try LessonCommandTests.lesson("evaluate", model.path)
        #expect(result.status == 1)
        #expect(result.error.contains(#"evil\u{1B}[2J\u{1B}[31m.safetensors: the model's input"#), "\(result.error)")
        #expect(!(result.output + result.error).contains("\u{1B}"))
    }
}
