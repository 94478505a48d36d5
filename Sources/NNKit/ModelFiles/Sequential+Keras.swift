import Foundation

/// Keras 3's own files: `.keras` (a zip archive, entries stored) and `.weights.h5`.
///
/// - `config.json`: the model as Keras serializes it (`KerasModelConfig`);
/// - `metadata.json`: `{"keras_version": "3.15.1", "date_saved": "2026-01-31@12:00:00"}`;
/// - `model.weights.h5` (and a `.weights.h5` file by itself): HDF5 holding, per layer, the group
///   `layers/<key>/vars` with a string attribute `name` (the layer's name) and its weights as
///   float32 datasets `0`, `1`, … in Keras's order (`kernel`, `bias`; `gamma`, `beta`,
///   `moving_mean`, `moving_variance`), with Keras's shapes. The key is the class name in
///   snake case, numbered within the model as Keras numbers it (`dense`, `dense_1`, …,
///   `batch_normalization`), whatever the layers are named; layers without weights have an
///   empty `vars` group. The root group `vars` carries the model's name. A compiled Keras model
///   adds `optimizer/vars/…` (its step count and slots), which is not read.
extension Sequential {
    /// The Keras version whose file layout this reads and writes, written in `metadata.json`.
    public static let kerasVersion = "3.15.1"

    /// The largest `config.json` read: far beyond any Sequential model's.
    static let kerasConfigLimit = 16 << 20

    /// How many times its own size the weights a model.weights.h5 declares may be (as
    /// float32), before any layer is built: Keras writes them uncompressed, h5py's gzip shrinks
    /// trained weights by a few percent and zeros (fresh biases) by far more. Without this
    /// bound a megabyte of compressed zeros could make NNKit build gigabytes of weights (and as
    /// many of gradients) before reading a byte of them.
    static let kerasWeightsExpansion = 8

    /// The HDF5 group key of each layer: `dense`, `dense_1`, `dropout`, … (Keras's own naming
    /// of a Sequential's layers in its weights files).
    static func kerasWeightKeys(_ typeNames: [String]) -> [String] {
        var used: [String: Int] = [:]
        return typeNames.map { typeName in
            let base = snakeCase(typeName)
            if let count = used[base] {
                used[base] = count + 1
                return "\(base)_\(count + 1)"
            }
            used[base] = 0
            return base
        }
    }

    // MARK: .keras

    /// Writes Keras 3's `.keras` file (see `save(to:)`): a zip of `metadata.json`, `config.json`
    /// and `model.weights.h5`, entries stored, as Keras writes it.
    func saveKeras(to url: URL) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd@HH:mm:ss"
        let metadata = JSONValue.object([
            ("keras_version", .string(Self.kerasVersion)),
            ("date_saved", .string(formatter.string(from: Date()))),
        ])
        let weights = try kerasWeightsFile(url: url)
        try Self.replaceAtomically(url) { temporary in
            do {
                try ZipArchive.write(
                    [
                        ("metadata.json", Data(metadata.text.utf8)), ("config.json", Data(kerasConfig().text.utf8)),
                        ("model.weights.h5", weights),
                    ], to: temporary.path)
            } catch let error as ZipFailure {
                throw fail(error.problem)
            }
        }
    }

    /// Reads a `.keras` file written by Keras 3 or by `save(to:)`: the layers from its
    /// config.json (refusing, by name and class, any layer or option NNKit does not have), the
    /// weights from its model.weights.h5, each dataset's type and shape checked before it is read.
    static func loadKeras(from url: URL) throws -> Sequential {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        try checkModelFile(url)
        let entries: [String: Data]
        do {
            entries = try ZipArchive.read(
                url.path, entries: ["config.json", "model.weights.h5"],
                limits: ["config.json": kerasConfigLimit, "model.weights.h5": fileSizeLimit])
        } catch let error as ZipFailure {
            throw fail(error.problem + "; a .keras file is the zip archive Keras's model.save writes")
        }
        guard let configData = entries["config.json"] else {
            throw fail(
                "it has no config.json, so it is not a Keras model file (a .keras file holds config.json, metadata.json and model.weights.h5)"
            )
        }
        guard let weights = entries["model.weights.h5"] else {
            throw fail(
                "it has no model.weights.h5, the HDF5 file of its weights (Keras 3 writes one in every .keras file)")
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: configData)
        } catch {
            throw fail("its config.json is not valid JSON (\(error))")
        }
        let config: KerasModelConfig
        do {
            config = try KerasModelConfig(json: json)
        } catch {
            throw fail(error.problem)
        }

        // Sizes first: the layers may not allocate more than the weights file could hold.
        let available = min(fileSizeLimit, weights.count.multipliedExactly(by: kerasWeightsExpansion) ?? .max) / 4
        try checkSizes(
            config.layers.map(\.configuration),
            labels: config.layers.map { "layer '\($0.name)' (\($0.configuration.type))" },
            inputShape: config.inputShape, available: available,
            availableText: "its \(weights.count)-byte model.weights.h5 could hold", url: url)
        var layers: [any Layer] = []
        for (index, layer) in config.layers.enumerated() {
            do {
                layers.append(try layer.configuration.makeLayer())
            } catch let error as NNKitError {
                throw fail("layer \(index) ('\(layer.name)'): \(error.sentence)")
            }
        }
        let model = Sequential(inputShape: config.inputShape, layers, name: config.name)
        for (layer, entry) in zip(model.layers, config.layers) {
            layer.name = entry.name
            layer.isTrainable = entry.isTrainable
        }
        try model.loadKerasWeights(from: weights, label: "model.weights.h5", url: url)
        return model
    }

    // MARK: HDF5 weights

    /// The bytes of Keras's weights HDF5 file for this model (model.weights.h5 in a `.keras`
    /// file, or a `.weights.h5` file by itself).
    func kerasWeightsFile(url: URL) throws -> Data {
        let keys = Self.kerasWeightKeys(layers.map(\.typeName))
        do {
            return try HDF5File.withLibrary {
                let file = try HDF5File.writing(label: url.lastPathComponent)
                try file.createGroup("layers")
                for (layer, key) in zip(layers, keys) {
                    try file.createGroup("layers/\(key)")
                    try file.createGroup("layers/\(key)/vars")
                    try file.setStringAttribute("name", layer.name, at: "layers/\(key)/vars")
                    for (index, parameter) in layer.parameters.enumerated() {
                        try file.writeFloats(
                            parameter.value.scalars, shape: parameter.shape, at: "layers/\(key)/vars/\(index)")
                    }
                }
                try file.createGroup("vars")
                try file.setStringAttribute("name", name, at: "vars")
                return try file.bytes()
            }
        } catch let error as HDF5Failure {
            throw ModelFileError(path: url.path, problem: error.problem)
        }
    }

    /// Replaces every weight with those in `image`, the bytes of a Keras weights HDF5 file; the
    /// file must hold exactly this model's layers, each weight float32 with this model's shape.
    /// Everything is read and checked before the first weight changes, so on failure the model
    /// is as it was.
    func loadKerasWeights(from image: Data, label: String, url: URL) throws {
        func fail(_ problem: String) -> ModelFileError { ModelFileError(path: url.path, problem: problem) }
        let keys = Self.kerasWeightKeys(layers.map(\.typeName))
        let values: [[Float]]
        do {
            values = try HDF5File.withLibrary { () throws -> [[Float]] in
                let file = try HDF5File.reading(image, label: label)
                var root = "layers"
                if try file.entry(at: root) != .group {
                    // Keras 2.13 and 2.14 named the group this way; Keras 3 still reads it.
                    guard try file.entry(at: "_layer_checkpoint_dependencies") == .group else {
                        throw ModelFileError(
                            path: url.path,
                            problem: "\(label) has no group 'layers': it is not a weights file Keras 3 writes")
                    }
                    root = "_layer_checkpoint_dependencies"
                }
                let known = Set(keys)
                if let extra = try file.members(of: root).first(where: { !known.contains($0) }) {
                    throw fail(
                        "\(label) has weights for a layer '\(extra)' that this model lacks "
                            + "(its layers are \(Self.listed(keys)))")
                }
                var values: [[Float]] = []
                for (layer, key) in zip(layers, keys) {
                    let vars = "\(root)/\(key)/vars"
                    let held: [String]
                    switch try file.entry(at: vars) {
                    case .group:
                        let links = try file.links(of: vars)
                        if let link = links.first(where: { !$0.isHard }) {
                            throw fail(
                                "\(label)'s \(vars)/\(link.name) is a soft or external link, which NNKit "
                                    + "never follows")
                        }
                        held = links.map(\.name)
                    case .missing: held = []
                    case .dataset, .other: throw fail("\(label)'s \(vars) is not a group of weights")
                    }
                    let expected = layer.parameters.indices.map(String.init)
                    if let missing = expected.first(where: { !held.contains($0) }), held.allSatisfy(expected.contains) {
                        let parameter = layer.parameters[Int(missing) ?? 0]
                        let why =
                            parameter.name == "bias"
                            ? "NNKit's \(layer.typeName) always has a bias, and Keras saves it unless the layer was "
                                + "built with use_bias=False"
                            : "Keras saves every weight of a layer, so the file is incomplete"
                        throw fail(
                            "\(label) has no \(parameter.name) for layer \(layer.name) (\(layer.typeName)): "
                                + "\(vars)/\(missing) is missing; \(why)")
                    }
                    guard Set(held) == Set(expected) else {
                        let names = layer.parameters.map(\.name).joined(separator: ", ")
                        throw fail(
                            "layer \(layer.name) (\(layer.typeName)) has \(layer.parameters.count) weights\(names.isEmpty ? "" : " (\(names))"), "
                                + "but \(label) holds \(held.count) under \(vars)"
                                + (held.isEmpty ? "" : " (\(held.sorted().joined(separator: ", ")))"))
                    }
                    for (index, parameter) in layer.parameters.enumerated() {
                        let path = "\(vars)/\(index)"
                        let what = "\(label)'s \(path) (the \(parameter.name) of \(layer.name))"
                        let dataset = try file.dataset(at: path)
                        let info = dataset.info
                        if let refusal = info.refusal { throw fail("\(what) cannot be read: \(refusal)") }
                        guard info.type == "float32" else {
                            throw fail("\(what) is \(info.type); NNKit reads Keras's float32 weights only")
                        }
                        guard info.shape == parameter.shape else {
                            throw fail(
                                Self.shapeMismatch(
                                    layer: layer.name, weight: parameter.name, file: info.shape, model: parameter.shape)
                            )
                        }
                        guard parameter.count == 0 || info.storedBytes > 0 else { throw fail("\(what) stores no data") }
                        if let problem = file.storageProblem(info) { throw fail("\(what) cannot be read: \(problem)") }
                        let read = try file.readFloats(dataset, count: parameter.count)
                        try Self.checkFinite(read, what, url: url)
                        values.append(read)
                    }
                }
                return values
            }
        } catch let error as HDF5Failure {
            throw fail(error.problem)
        }
        for (parameter, read) in zip(parameters, values) {
            parameter.value = Matrix(rows: parameter.value.rows, columns: parameter.value.columns, scalars: read)
        }
    }

    /// `names` joined with commas, the first few of a long list: "dense, dense_1, … (60000 in all)".
    static func listed(_ names: [String], limit: Int = 8) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count) in all)"
    }

    /// "layer dense_1 has a kernel of 784×128 in the file but 784×256 in this model".
    static func shapeMismatch(layer: String, weight: String, file: [Int], model: [Int]) -> String {
        func text(_ shape: [Int]) -> String {
            shape.isEmpty ? "a scalar" : shape.map(String.init).joined(separator: "×")
        }
        let article = weight.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        return "layer \(layer) has \(article) \(weight) of \(text(file)) in the file but \(text(model)) in this model"
    }
}
