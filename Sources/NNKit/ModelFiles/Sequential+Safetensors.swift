import Foundation

/// Saving and loading a model in the safetensors format, readable by Python's `safetensors`:
///
/// - an 8-byte little-endian header length, a JSON header (`SafetensorsHeader`), then the
///   tensors' bytes;
/// - each weight is an `F32` tensor named `layers.<i>.<weight>` (`layers.0.kernel` with shape
///   `[inputs, units]` as in Keras, `layers.0.bias` with shape `[units]`);
/// - `__metadata__` holds `format` = `nnkit-sequential`, `input_size` (e.g. `"784"`) and
///   `layers`, a JSON array string such as `[{"type":"Dense","units":256,"activation":"relu"}]`.
extension Sequential {
    public static let fileFormat = "nnkit-sequential"

    /// The largest model file `load` reads: 2 GiB, some two thousand times chapter 4's model.
    public static let fileSizeLimit = 2 << 30

    /// Writes the whole model as safetensors (see `save(to:)`).
    func saveSafetensors(to url: URL) throws {
        var metadata = [
            "format": Self.fileFormat, "input_size": String(inputSize),
            "layers": try layerListJSON(),
        ]
        if inputShape.count > 1 {
            metadata["input_shape"] = "[" + inputShape.map(String.init).joined(separator: ",") + "]"
        }
        let data = try safetensorsBytes(metadata: metadata)
        try Self.replaceAtomically(url) { try data.write(to: $0) }
    }

    /// The safetensors bytes of every weight, `layers.<i>.<weight>`, with `metadata`.
    func safetensorsBytes(metadata: [String: String]) throws -> Data {
        var tensors: [String: SafetensorsHeader.Tensor] = [:]
        var values: [Matrix] = []
        var offset = 0
        for (index, layer) in layers.enumerated() {
            for parameter in layer.parameters {
                let value = parameter.value
                // Keras's shapes: vectors (biases, statistics) 1-D, convolution kernels 4-D.
                tensors["layers.\(index).\(parameter.name)"] =
                    .init(dtype: "F32", shape: parameter.shape, dataOffsets: [offset, offset + value.count * 4])
                offset += value.count * 4
                values.append(value)
            }
        }
        let encoder = JSONEncoder()
        // Sorted keys: the same model always gives the same bytes.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var header = try encoder.encode(SafetensorsHeader(metadata: metadata, tensors: tensors))
        // Pad the header with spaces so the tensor data starts 8-byte aligned.
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }

        var data = Data(capacity: 8 + header.count + offset)
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(header)
        for value in values {
            value.scalars.withUnsafeBufferPointer { scalars in
                for scalar in scalars {
                    var bits = scalar.bitPattern.littleEndian
                    withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
                }
            }
        }
        return data
    }

    /// Puts a new file at `url` atomically: `write` fills a temporary file beside it, which is
    /// renamed over `url` only once complete, so a failure (a full disk, say) leaves neither a
    /// temporary file nor a damaged old file. `write`'s errors are thrown as they are, others
    /// (a `Data.write` that fails) as a `ModelFileError` naming `url`. The temporary name is
    /// short whatever `url`'s is (its first few characters, a UUID), so any name the folder
    /// takes can be written; a name longer than that is refused in words.
    static func replaceAtomically(_ url: URL, write: (URL) throws -> Void) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        try checkNameLength(url)
        let start = String(String.UnicodeScalarView(url.lastPathComponent.unicodeScalars.prefix(24)))
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(start).\(UUID().uuidString).tmp")
        do {
            try write(temporary)
        } catch let error as ModelFileError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw fail("it cannot be written (\(Self.reason(error)))")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw fail("it could not be put in place (\(reason))")
        }
    }

    /// Refuses a file name longer than its folder's file system takes (NAME_MAX, 255 bytes on
    /// Linux), which the system would only call "File name too long" when writing.
    static func checkNameLength(_ url: URL) throws {
        let bytes = url.lastPathComponent.utf8.count
        let folderLimit = pathconf(url.deletingLastPathComponent().path, Int32(_PC_NAME_MAX))
        let limit = folderLimit > 0 ? folderLimit : Int(NAME_MAX)
        guard bytes <= limit else {
            throw ModelFileError(
                path: url.path,
                problem: "its name is \(bytes) bytes long, more than the \(limit) "
                    + "a file name can have here; choose a shorter name")
        }
    }

    /// The layer list as `__metadata__.layers` holds it: each layer's settings in their order,
    /// "type" first, as people read and write them.
    func layerListJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        let entries = try layers.map { layer in
            let configuration = layer.configuration
            var fields = ["\"type\":" + (try json(configuration.type))]
            for (key, value) in configuration.values {
                switch value {
                case .int(let number): fields.append(try json(key) + ":" + json(number))
                case .float(let number): fields.append(try json(key) + ":" + json(number))
                case .string(let text): fields.append(try json(key) + ":" + json(text))
                case .ints(let numbers): fields.append(try json(key) + ":" + json(numbers))
                }
            }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "[" + entries.joined(separator: ",") + "]"
    }

    /// A safetensors file read and checked: its header, its tensors' bytes, and how many values
    /// its tensors hold in all. Every size the file declares (header length, tensor shapes and
    /// offsets) is checked against the file's real length, without overflow.
    struct SafetensorsContents {
        var header: SafetensorsHeader
        var body: Data.SubSequence
        var declaredValues: Int
    }

    static func readSafetensors(_ url: URL) throws -> SafetensorsContents {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let data = try readModelFile(url)
        guard data.count >= 8 else { throw fail("it is \(data.count) bytes long, too short for a safetensors file") }
        if data.starts(with: [0x50, 0x4b, 0x03, 0x04]) {
            throw fail(
                "it is a zip archive, not a safetensors file; a Keras model file is read when its name ends in .keras")
        }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) {
            $0 | UInt64($1.element) << (8 * UInt64($1.offset))
        }
        guard headerLength > 1 && headerLength <= UInt64(data.count - 8) else {
            throw fail(
                "its header length (\(headerLength) bytes) does not fit the file's \(data.count) bytes: it is not a safetensors file, or it is truncated"
            )
        }
        let headerEnd = 8 + Int(headerLength)
        let header: SafetensorsHeader
        do {
            header = try JSONDecoder().decode(SafetensorsHeader.self, from: data[8..<headerEnd])
        } catch {
            throw fail("its header is not a valid safetensors header (\(Self.reason(error)))")
        }
        let body = data[headerEnd...]
        var declared = 0
        for (name, tensor) in header.tensors.sorted(by: { $0.key < $1.key }) {
            guard tensor.dtype == "F32" else {
                throw fail("\(name) is \(tensor.dtype); NNKit models hold F32 tensors only")
            }
            guard tensor.shape.allSatisfy({ $0 >= 0 }), let count = tensor.shape.checkedProduct,
                let bytes = [count, 4].checkedProduct
            else {
                throw fail("\(name) has the shape \(tensor.shape), which no tensor in a file can have")
            }
            guard tensor.dataOffsets.count == 2, tensor.dataOffsets[0] >= 0,
                tensor.dataOffsets[0] <= tensor.dataOffsets[1], tensor.dataOffsets[1] <= body.count
            else {
                throw fail(
                    "\(name)'s data offsets \(tensor.dataOffsets) lie outside the file's \(body.count) bytes of data (is it truncated?)"
                )
            }
            guard tensor.dataOffsets[1] - tensor.dataOffsets[0] == bytes else {
                throw fail(
                    "\(name) has shape \(tensor.shape) (\(count) values) but \(tensor.dataOffsets[1] - tensor.dataOffsets[0]) bytes of data"
                )
            }
            // Every count here fits in the file, so their sum cannot overflow.
            declared += count
        }
        return SafetensorsContents(header: header, body: body, declaredValues: declared)
    }

    /// The values of the tensor `name`, already checked by `readSafetensors` to lie in `body`
    /// with `count` values; a value that is not finite is thrown.
    static func tensorValues(_ name: String, count: Int, in contents: SafetensorsContents, url: URL) throws -> [Float] {
        guard let tensor = contents.header.tensors[name] else {
            throw ModelFileError(path: url.path, problem: "it has no tensor \(name)")
        }
        let body = contents.body
        var values = [Float](repeating: 0, count: count)
        let start = body.startIndex + tensor.dataOffsets[0]
        values.withUnsafeMutableBytes { target in
            body[start..<start + count * 4].withUnsafeBytes { target.copyMemory(from: $0) }
        }
        if UInt32(1).littleEndian != 1 { values = values.map { Float(bitPattern: $0.bitPattern.byteSwapped) } }
        try checkFinite(values, name, url: url)
        return values
    }

    /// Refuses weights holding infinities or NaN, which only a diverged training gives.
    static func checkFinite(_ values: [Float], _ name: String, url: URL) throws {
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ModelFileError(
                path: url.path,
                problem:
                    "\(name) holds \(values[bad]) at position \(bad): the model is broken (did its training diverge?); train and save it again"
            )
        }
    }

    /// Reads a model written by `save(to:)` as safetensors. Every size the file declares
    /// (header length, input size, layer sizes, tensor shapes and offsets) is checked against
    /// the file's real length, without overflow, before any layer is built; every weight is
    /// checked for name, type, shape and finite values. Anything amiss is thrown, naming the file.
    static func loadSafetensors(from url: URL) throws -> Sequential {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let contents = try readSafetensors(url)
        let header = contents.header
        let metadata = header.metadata
        if metadata["format"] == weightsFileFormat {
            throw fail(
                "it holds weights only, not the model's layers: build the model in code and call loadWeights(from:)")
        }
        guard metadata["format"] == fileFormat else {
            throw fail("it is not an NNKit model (its __metadata__ has no format \"\(fileFormat)\")")
        }
        guard let inputText = metadata["input_size"], let inputSize = Int(inputText), inputSize > 0 else {
            throw fail(
                "its __metadata__ has no valid input_size (a whole number of at least 1), got \(metadata["input_size"].map { "'\($0)'" } ?? "none")"
            )
        }
        var inputShape = [inputSize]
        if let shapeText = metadata["input_shape"] {
            guard let shape = try? JSONDecoder().decode([Int].self, from: Data(shapeText.utf8)), !shape.isEmpty,
                shape.allSatisfy({ $0 > 0 }), shape.checkedProduct == inputSize
            else {
                throw fail(
                    "its __metadata__ input_shape '\(shapeText)' is not a list of positive sizes whose product is its input_size \(inputSize)"
                )
            }
            inputShape = shape
        }
        let entries: [LayerEntry]
        do {
            let list = try LayerEntry.list(metadata["layers"] ?? "")
            try checkLayerCount(list.count, url: url)
            entries = list.entries
        } catch let problem as LayerEntry.ListProblem {
            throw fail("its __metadata__ has no valid layers list (\(problem))")
        }

        // Sizes first: what the layers would allocate must be what the file holds.
        try checkSizes(
            entries.map(\.configuration),
            labels: entries.indices.map { "layer \($0) (\(entries[$0].configuration.type))" },
            inputShape: inputShape, available: contents.declaredValues,
            availableText: "the file's tensors hold (\(contents.declaredValues) values)", url: url)

        var layers: [any Layer] = []
        for (index, entry) in entries.enumerated() {
            do {
                layers.append(try entry.configuration.makeLayer())
            } catch let error as NNKitError {
                throw fail("layer \(index): \(error.sentence)")
            }
        }
        let model = Sequential(inputShape: inputShape, layers)
        var used: Set<String> = []
        for (index, layer) in model.layers.enumerated() {
            for parameter in layer.parameters {
                let name = "layers.\(index).\(parameter.name)"
                guard let tensor = header.tensors[name] else {
                    let why = parameter.name == "bias" ? "; NNKit's \(layer.typeName) always has a bias" : ""
                    throw fail(
                        "it has no tensor \(name), the \(parameter.name) of layer \(index) "
                            + "(\(layer.typeName))\(why)")
                }
                // Keras's shapes: a Dense kernel [inputs, units], a convolution kernel [height,
                // width, channels, filters], a vector (bias, statistics) [units].
                guard tensor.shape == parameter.shape else {
                    throw fail("\(name) has shape \(tensor.shape); layer \(index) needs \(parameter.shape)")
                }
                let values = try tensorValues(name, count: parameter.count, in: contents, url: url)
                parameter.value = Matrix(rows: parameter.value.rows, columns: parameter.value.columns, scalars: values)
                used.insert(name)
            }
        }
        if let extra = header.tensors.keys.sorted().first(where: { !used.contains($0) }) {
            throw fail("it has a tensor \(extra) that no layer of its model uses")
        }
        return model
    }

    /// Checks, from the settings alone and without overflow, before any layer is built: that
    /// there are at most `layerLimit` layers, that `configurations` on `inputShape` need no more
    /// weights than `available`, that no layer gives more than `activationLimit` values per
    /// sample, and that one sample's buffers fit `batchMemoryLimit`. `labels` name the layers.
    static func checkSizes(
        _ configurations: [LayerConfiguration], labels: [String], inputShape: [Int],
        available: Int, availableText: String, url: URL
    ) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        try checkLayerCount(configurations.count, url: url)
        var shape = inputShape
        var needed = 0
        var footprints: [LayerFootprint] = []
        footprints.reserveCapacity(configurations.count)
        for (configuration, label) in zip(configurations, labels) {
            do {
                let footprint = try configuration.footprint(inputShape: shape)
                guard let sum = needed.addingExactly(footprint.parameters), sum <= available else {
                    throw fail("\(label) on \(shapeText(shape)) inputs needs more weights than \(availableText)")
                }
                (needed, shape) = (sum, footprint.outputShape)
                footprints.append(footprint)
            } catch let error as NNKitError {
                throw fail("\(label): \(error.sentence)")
            }
        }
        do {
            try checkActivations(footprints, labels: labels, inputShape: inputShape)
            try checkBatch(
                footprints, labels: labels, inputShape: inputShape, batchSize: 1, training: false,
                task: "one sample")
        } catch {
            throw fail(error.sentence)
        }
    }

    /// Refuses a file of more than `layerLimit` layers, before any of them is read.
    static func checkLayerCount(_ count: Int, url: URL) throws {
        guard count <= layerLimit else {
            throw ModelFileError(
                path: url.path,
                problem: "it has \(grouped(count)) layers, more than the "
                    + "\(grouped(layerLimit)) NNKit reads (Sequential.layerLimit)")
        }
    }

    /// The file's bytes, refusing a folder, a missing file or one over `fileSizeLimit` with the
    /// reason in plain words.
    static func readModelFile(_ url: URL) throws -> Data {
        try checkModelFile(url)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ModelFileError(path: url.path, problem: "it cannot be read (\(reason(error)))")
        }
    }

    /// Refuses a missing file, a folder, a device or one over `fileSizeLimit`, in plain words.
    static func checkModelFile(_ url: URL) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            switch errno {
            case ENOENT: throw fail("there is no such file")
            case ELOOP: throw fail("it is a loop of symbolic links")
            case EACCES: throw fail("permission to read it is denied")
            default: throw fail("it cannot be read (\(String(cString: strerror(errno))))")
            }
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw fail("it is a folder, not a model file") }
        if info.st_mode & S_IFMT != S_IFREG { throw fail("it is not a regular file (a pipe, a device or a socket)") }
        if Int(info.st_size) > fileSizeLimit {
            throw fail("it is \(info.st_size) bytes long, more than a model file this reader takes (\(fileSizeLimit))")
        }
    }

    /// A decoding or file error in a few words.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.keyNotFound(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
        default:
            switch (error as? CocoaError)?.code {
            case .fileWriteOutOfSpace?: return "the disk is full"
            case .fileWriteVolumeReadOnly?: return "the disk is read-only"
            case .fileWriteNoPermission?, .fileReadNoPermission?: return "permission denied"
            case .fileNoSuchFile?, .fileReadNoSuchFile?: return "its folder does not exist"
            case .fileReadUnknown?: return "the system would not give its contents"
            default: break
            }
            // The system's own words ("No space left on device") when Foundation wraps them.
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            if let posix = underlying, posix.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(posix.code)))
            }
            return (error as NSError).localizedFailureReason ?? "\(error)"
        }
    }
}

extension NNKitError {
    /// The message without its closing full stop, to go inside another sentence.
    public var sentence: String {
        description.hasSuffix(".") ? String(description.dropLast()) : description
    }
}

extension Array where Element == Int {
    /// The product of the elements, or nil when it overflows.
    var checkedProduct: Int? {
        var product = 1
        for element in self {
            let (result, overflow) = product.multipliedReportingOverflow(by: element)
            if overflow { return nil }
            product = result
        }
        return product
    }
}

extension Int {
    /// `self + other`, or nil when it overflows.
    func addingExactly(_ other: Int) -> Int? {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? nil : sum
    }

    /// `self × other`, or nil when it overflows.
    func multipliedExactly(by other: Int) -> Int? {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? nil : product
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

    /// The path and the problem, with any control character in them (from a file name, or
    /// a name inside the file) escaped, so that printing it cannot take over the terminal.
    public var description: String { "\(path.terminalSafe): \(problem.terminalSafe)." }
}
