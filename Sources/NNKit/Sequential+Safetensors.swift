import Foundation

/// Saving and loading a model in the safetensors format, readable by Python's `safetensors`:
///
/// - an 8-byte little-endian header length, a JSON header, then the tensors' bytes;
/// - each weight is an `F32` tensor named `layers.<i>.<weight>` (`layers.0.kernel` with shape
///   `[inputs, units]` as in Keras, `layers.0.bias` with shape `[units]`);
/// - `__metadata__` holds `format` = `nnkit-sequential`, `input_size` (e.g. `"784"`) and
///   `layers`, a JSON array string such as `[{"type":"Dense","units":256,"activation":"relu"}]`.
extension Sequential {
    public static let fileFormat = "nnkit-sequential"

    /// Writes the model to `url` atomically: a temporary file beside it is renamed over it only
    /// once complete, so a crash never leaves a half-written model under `url`.
    public func save(to url: URL) throws {
        var header = "{\"__metadata__\":{\"format\":\(jsonString(Self.fileFormat)),"
            + "\"input_size\":\(jsonString(String(inputSize))),"
            + "\"layers\":\(jsonString(layersJSON))}"
        var offset = 0
        var tensors: [Matrix] = []
        for (index, layer) in layers.enumerated() {
            for parameter in layer.parameters {
                let value = parameter.value
                // Vectors (biases, BatchNormalization's statistics) are 1-D, as in Keras.
                let shape = value.rows == 1 && parameter.name != "kernel" ? "[\(value.columns)]"
                                                                         : "[\(value.rows),\(value.columns)]"
                let size = value.count * 4
                header += ",\(jsonString("layers.\(index).\(parameter.name)")):{\"dtype\":\"F32\","
                    + "\"shape\":\(shape),\"data_offsets\":[\(offset),\(offset + size)]}"
                offset += size
                tensors.append(value)
            }
        }
        header += "}"
        // Pad the header with spaces so the tensor data starts 8-byte aligned.
        while (header.utf8.count % 8) != 0 { header += " " }

        var data = Data(capacity: 8 + header.utf8.count + offset)
        var length = UInt64(header.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: header.utf8)
        for tensor in tensors {
            tensor.scalars.withUnsafeBufferPointer { values in
                for value in values {
                    var bits = value.bitPattern.littleEndian
                    withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
                }
            }
        }

        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw ModelFileError(path: url.path, problem: "it cannot be written (\(error.localizedDescription))")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ModelFileError(path: url.path, problem: "it could not be put in place (\(reason))")
        }
    }

    /// The layers' configurations as the JSON array stored under `__metadata__.layers`.
    var layersJSON: String {
        "[" + layers.map { layer in
            let configuration = layer.configuration
            let fields = [("type", jsonString(configuration.type))] + configuration.values.map { key, value in
                switch value {
                case .int(let number): return (key, String(number))
                case .float(let number): return (key, "\(number)")
                case .string(let text): return (key, jsonString(text))
                }
            }
            return "{" + fields.map { "\(jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}"
        }.joined(separator: ",") + "]"
    }

    /// Reads a model written by `save(to:)`: its layers are rebuilt from the metadata and every
    /// weight is checked for name, type and shape. Anything amiss is thrown, naming the file.
    public static func load(from url: URL) throws -> Sequential {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw fail(FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "there is no such file")
        }
        guard data.count >= 8 else { throw fail("it is \(data.count) bytes long, too short for a safetensors file") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength > 1 && headerLength <= UInt64(data.count - 8) && headerLength < 100_000_000 else {
            throw fail("its header length (\(headerLength) bytes) does not fit the file's \(data.count) bytes: it is not a safetensors file, or it is truncated")
        }
        let headerEnd = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: data[8 ..< headerEnd]) as? [String: Any] else {
            throw fail("its header is not valid JSON")
        }
        guard let metadata = header["__metadata__"] as? [String: String], metadata["format"] == fileFormat else {
            throw fail("it is not an NNKit model (its __metadata__ has no format \"\(fileFormat)\")")
        }
        guard let inputText = metadata["input_size"], let inputSize = Int(inputText), inputSize > 0 else {
            throw fail("its __metadata__ has no valid input_size")
        }
        guard let layersText = metadata["layers"],
              let layerList = try? JSONSerialization.jsonObject(with: Data(layersText.utf8)) as? [[String: Any]] else {
            throw fail("its __metadata__ has no valid layers list")
        }
        var layers: [any Layer] = []
        for (index, entry) in layerList.enumerated() {
            guard let type = entry["type"] as? String else { throw fail("layer \(index) has no type") }
            var values: [(key: String, value: LayerConfiguration.Value)] = []
            for (key, value) in entry where key != "type" {
                if let text = value as? String {
                    values.append((key, .string(text)))
                } else if let number = value as? NSNumber {
                    // A whole number may be a count (units) or a rate; each layer reads either.
                    let double = number.doubleValue
                    values.append((key, double == double.rounded() ? .int(number.intValue) : .float(Float(double))))
                }
            }
            do {
                layers.append(try LayerConfiguration(type: type, values).makeLayer())
            } catch {
                throw fail("layer \(index): \(error)")
            }
        }
        let model = Sequential(inputSize: inputSize, layers)

        let body = data[headerEnd...]
        var used: Set<String> = ["__metadata__"]
        for (index, layer) in model.layers.enumerated() {
            for parameter in layer.parameters {
                let name = "layers.\(index).\(parameter.name)"
                guard let entry = header[name] as? [String: Any] else {
                    throw fail("it has no tensor \(name) for layer \(index) (\(layer.typeName))")
                }
                guard entry["dtype"] as? String == "F32" else {
                    throw fail("\(name) is \(entry["dtype"] ?? "untyped"), not F32")
                }
                let shape = (entry["shape"] as? [Int]) ?? []
                guard shape.reduce(1, *) == parameter.count, shape.last == parameter.value.columns else {
                    throw fail("\(name) has shape \(shape); layer \(index) needs \(parameter.value.rows) × \(parameter.value.columns)")
                }
                guard let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                      offsets[0] >= 0, offsets[1] - offsets[0] == parameter.count * 4,
                      offsets[1] <= body.count else {
                    throw fail("\(name)'s data lies outside the file (is it truncated?)")
                }
                var values = [Float](repeating: 0, count: parameter.count)
                let start = body.startIndex + offsets[0]
                values.withUnsafeMutableBytes { target in
                    body[start ..< start + parameter.count * 4].withUnsafeBytes { source in
                        target.copyMemory(from: source)
                    }
                }
                if UInt32(1).littleEndian != 1 { values = values.map { Float(bitPattern: $0.bitPattern.byteSwapped) } }
                parameter.value = Matrix(rows: parameter.value.rows, columns: parameter.value.columns, scalars: values)
                used.insert(name)
            }
        }
        if let extra = header.keys.sorted().first(where: { !used.contains($0) }) {
            throw fail("it has a tensor \(extra) that no layer of its model uses")
        }
        return model
    }
}

/// A model file that cannot be written or read, naming the file and the problem.
public struct ModelFileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)." }
}

/// `text` as a JSON string literal.
private func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case let c where c.value < 0x20: result += String(format: "\\u%04x", c.value)
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
