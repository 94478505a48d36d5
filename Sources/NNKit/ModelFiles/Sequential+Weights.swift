import Foundation

/// Weights only, as Keras's `model.save_weights` and `model.load_weights`: the model is built in
/// code, the file holds its numbers.
///
/// - `model.weights.h5`: Keras 3's weights file (see `Sequential+Keras.swift`), which Keras's
///   `load_weights` reads into the same architecture built in Keras, and back;
/// - `model.weights.safetensors` (any `.safetensors` name): the tensors as `save(to:)` names
///   them (`layers.<i>.<weight>`), with `__metadata__` `format` = `nnkit-weights`, the
///   `input_shape`, and `layers`, a summary of the layer list to check a model against:
///   `[{"name":"dense","type":"Dense"},…]`.
///
/// NNKit builds every layer as it is added, so a model is always ready for its weights; one
/// with no layers yet is told to add them first.
extension Sequential {
    public static let weightsFileFormat = "nnkit-weights"

    /// Writes every weight (trainable or not) to `url`, atomically: `.weights.h5` for Keras,
    /// `.safetensors` for NNKit.
    public func saveWeights(to url: URL) throws {
        switch ModelFileKind(url) {
        case .kerasWeights:
            let data = try kerasWeightsFile(url: url)
            try Self.replaceAtomically(url) { try data.write(to: $0) }
        case .safetensors where url.lastPathComponent.lowercased().hasSuffix(".safetensors"):
            let summary = layers.map {
                #"{"name":"# + Self.jsonString($0.name) + #","type":"# + Self.jsonString($0.typeName) + "}"
            }
            let metadata = [
                "format": Self.weightsFileFormat, "layers": "[" + summary.joined(separator: ",") + "]",
                "input_shape": "[" + inputShape.map(String.init).joined(separator: ",") + "]",
            ]
            let data = try safetensorsBytes(metadata: metadata)
            try Self.replaceAtomically(url) { try data.write(to: $0) }
        default:
            throw ModelFileError(
                path: url.path,
                problem: "a weights file is named model.weights.h5 (Keras's) or "
                    + "model.weights.safetensors (NNKit's); for the whole model use save(to:) with .keras or .safetensors"
            )
        }
    }

    /// Replaces every weight with those in `url`, written by `saveWeights(to:)` (or Keras's
    /// `save_weights`), or the weights of a whole model's `.keras` or safetensors file. The file
    /// must hold this model's layers, in order, each weight with this model's shape; otherwise
    /// the first mismatch is thrown ("layer dense_1 has a kernel of 784×128 in the file but
    /// 784×256 in this model") and the model is left exactly as it was.
    public func loadWeights(from url: URL) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let kind = ModelFileKind(url)
        guard !layers.isEmpty else {
            throw fail(
                "this model has no layers yet, so there is nothing to load the weights into: add its layers "
                    + "first (the same ones, in the same order, as the model that saved them), or read a whole model "
                    + "with Sequential.load(from:)")
        }
        switch kind {
        case .kerasWeights:
            try loadKerasWeights(from: try Self.readModelFile(url), label: url.lastPathComponent, url: url)
        case .keras:
            // The weights of a whole Keras model, checked against this one.
            let entries: [String: Data]
            do {
                entries = try ZipArchive.read(
                    url.path, entries: ["model.weights.h5"], limits: ["model.weights.h5": Self.fileSizeLimit])
            } catch let error as ZipFailure {
                throw fail(error.problem)
            }
            guard let weights = entries["model.weights.h5"] else { throw fail("it has no model.weights.h5") }
            try loadKerasWeights(from: weights, label: "model.weights.h5", url: url)
        case .legacyH5:
            throw fail(
                "a .h5 file is Keras 2's legacy format, which NNKit does not read; Keras 3's weights files end in .weights.h5"
            )
        case .safetensors:
            try loadSafetensorsWeights(from: url)
        }
    }

    /// The safetensors half of `loadWeights(from:)`.
    private func loadSafetensorsWeights(from url: URL) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let contents = try Self.readSafetensors(url)
        let metadata = contents.header.metadata
        // The file's layer types, in order: a weights file's summary, or a whole model's list.
        let fileTypes: [String]
        switch metadata["format"] {
        case Self.weightsFileFormat?:
            struct Summary: Decodable {
                var name: String
                var type: String
            }
            guard let summary = try? JSONDecoder().decode([Summary].self, from: Data((metadata["layers"] ?? "").utf8))
            else {
                throw fail("its __metadata__ has no valid layers list ([{\"name\":…,\"type\":…},…])")
            }
            fileTypes = summary.map(\.type)
        case Self.fileFormat?:
            guard let list = try? LayerEntry.list(metadata["layers"] ?? "") else {
                throw fail("its __metadata__ has no valid layers list")
            }
            try Self.checkLayerCount(list.count, url: url)
            fileTypes = list.entries.map(\.configuration.type)
        default:
            throw fail("it is not an NNKit weights file (its __metadata__ has no format \"\(Self.weightsFileFormat)\")")
        }
        for (index, layer) in layers.enumerated() where index < fileTypes.count && fileTypes[index] != layer.typeName {
            throw fail(
                "layer \(index) is \(fileTypes[index]) in the file but \(layer.typeName) (\(layer.name)) in this model")
        }
        guard fileTypes.count == layers.count else {
            throw fail(
                "the file holds the weights of \(fileTypes.count) layers (\(fileTypes.joined(separator: ", "))), "
                    + "this model has \(layers.count) (\(layers.map(\.typeName).joined(separator: ", ")))")
        }

        var values: [[Float]] = []
        var used: Set<String> = []
        for (index, layer) in layers.enumerated() {
            for parameter in layer.parameters {
                let name = "layers.\(index).\(parameter.name)"
                guard let tensor = contents.header.tensors[name] else {
                    throw fail("it has no tensor \(name) for the \(parameter.name) of layer \(layer.name)")
                }
                guard tensor.shape == parameter.shape else {
                    throw fail(
                        Self.shapeMismatch(
                            layer: layer.name, weight: parameter.name, file: tensor.shape, model: parameter.shape))
                }
                values.append(try Self.tensorValues(name, count: parameter.count, in: contents, url: url))
                used.insert(name)
            }
        }
        if let extra = contents.header.tensors.keys.sorted().first(where: { !used.contains($0) }) {
            throw fail("it has a tensor \(extra) that no layer of this model has")
        }
        for (parameter, read) in zip(parameters, values) {
            parameter.value = Matrix(rows: parameter.value.rows, columns: parameter.value.columns, scalars: read)
        }
    }

    /// `text` as a JSON string literal.
    private static func jsonString(_ text: String) -> String {
        JSONValue.string(text).text
    }
}
