/// A Sequential model as Keras's `config.json` describes it, in NNKit's terms: the input shape
/// and, per layer, its name, its settings (`LayerConfiguration`) and whether it is trainable.
///
/// Keras writes each layer as `{"module": "keras.layers", "class_name": "Dense", "config":
/// {"name": "dense", "units": 128, "activation": "relu", ...}, "registered_name": null,
/// "build_config": {"input_shape": [null, 784]}}`; the model is the same structure with
/// `class_name` `Sequential` and its layers (an `InputLayer` first, holding `batch_shape`) in
/// `config.layers`.
struct KerasModelConfig {
    struct Layer {
        var name: String
        var configuration: LayerConfiguration
        var isTrainable: Bool
    }

    var name: String
    var inputShape: [Int]
    var layers: [Layer]

    /// The Keras layer classes NNKit reads, `InputLayer` included.
    static var knownClasses: [String] { ["InputLayer"] + LayerKinds.names }

    /// The largest size of one input dimension accepted, far beyond any image.
    static let dimensionLimit = 1 << 24
}

// MARK: Reading

extension KerasModelConfig {
    /// Reads Keras's model config, refusing (with the layer's name and class) whatever NNKit
    /// cannot build exactly: another layer class, an option NNKit lacks, a dtype other than
    /// float32. Options that only start training (initializers, seeds) are ignored.
    init(json: JSONValue) throws(ConfigProblem) {
        guard let className = json["class_name"]?.string else {
            throw ConfigProblem("config.json has no class_name: it does not describe a Keras model")
        }
        guard className == "Sequential" else {
            throw ConfigProblem("it holds a \(className) model; NNKit reads Sequential models only")
        }
        guard let config = json["config"], let entries = config["layers"]?.array else {
            throw ConfigProblem("config.json has no list of layers")
        }
        try Self.checkLoss(json["compile_config"]?["loss"])
        name = config["name"]?.string ?? "sequential"
        let layerCount = entries.count { $0["class_name"]?.string != "InputLayer" }
        guard layerCount <= Sequential.layerLimit else {
            throw ConfigProblem(
                "it has \(grouped(layerCount)) layers, more than the \(grouped(Sequential.layerLimit)) "
                    + "NNKit reads (Sequential.layerLimit)")
        }
        var shape: [Int]?
        layers = []
        var names: Set<String> = []
        for (index, entry) in entries.enumerated() {
            guard let layerClass = entry["class_name"]?.string, let options = entry["config"] else {
                throw ConfigProblem("layer \(index) in config.json has no class_name and config")
            }
            let layerName = options["name"]?.string ?? "layer \(index)"
            let label = "layer '\(layerName)' (\(layerClass))"
            guard Self.knownClasses.contains(layerClass) else {
                throw ConfigProblem(
                    "\(label) is not one NNKit has; it has \(Self.knownClasses.joined(separator: ", "))")
            }
            try Self.checkFloat32(options, label)
            if layerClass == "InputLayer" {
                guard index == 0 else { throw ConfigProblem("\(label) comes after other layers; it must be the first") }
                shape = try Self.inputShape(options["batch_shape"] ?? options["batch_input_shape"], label)
                continue
            }
            if shape == nil, index == 0 {
                // Older files put the input shape on the first layer.
                if let given = options["batch_input_shape"] ?? entry["build_config"]?["input_shape"] {
                    shape = try Self.inputShape(given, label)
                }
            }
            guard !names.contains(layerName) else {
                throw ConfigProblem("two layers are named '\(layerName)'; Keras's names are unique within a model")
            }
            names.insert(layerName)
            guard let kind = LayerKinds.named(layerClass) else {
                throw ConfigProblem(
                    "\(label) is not one NNKit has; it has \(Self.knownClasses.joined(separator: ", "))")
            }
            let configuration = try kind.configuration(keras: KerasOptions(options: options, label: label))
            do {
                _ = try configuration.makeLayer()
            } catch let error as NNKitError {
                throw ConfigProblem("\(label): \(error.sentence)")
            } catch {
                throw ConfigProblem("\(label): \(error)")
            }
            layers.append(
                Layer(
                    name: layerName, configuration: configuration,
                    isTrainable: options["trainable"]?.bool ?? true))
        }
        if shape == nil, let given = config["build_input_shape"] ?? json["build_config"]?["input_shape"], !given.isNull
        {
            shape = try Self.inputShape(given, "the model")
        }
        guard let shape else {
            throw ConfigProblem(
                "config.json does not give the model's input shape (no InputLayer, no build_input_shape); "
                    + "NNKit needs one: build the model in Keras with keras.Input(shape=...) first")
        }
        inputShape = shape
    }

    /// Refuses a model compiled with a loss `from_logits=True`: its last layer gives scores,
    /// not probabilities, and everything that reads a loaded model (`evaluate`'s loss, lesson's
    /// top classes and confidences) takes its outputs as probabilities, so its loss and its
    /// confidences would come out silently wrong.
    private static func checkLoss(_ loss: JSONValue?) throws(ConfigProblem) {
        guard let loss, loss.contains(where: { $0["from_logits"]?.bool == true }) else { return }
        let name = loss["class_name"]?.string ?? loss.string ?? "its loss"
        throw ConfigProblem(
            "it was compiled with \(name) from_logits=True: its last layer gives logits (scores), "
                + "not the probabilities NNKit's losses and predictions take. In Keras, end the model "
                + "with keras.layers.Activation(\"softmax\") (\"sigmoid\" for one output) and save it "
                + "again")
    }

    /// `[null, 28, 28, 1]` → `[28, 28, 1]`: positive sizes after the batch's `null`.
    private static func inputShape(_ value: JSONValue?, _ label: String) throws(ConfigProblem) -> [Int] {
        guard let elements = value?.array, elements.count >= 2, elements[0].isNull else {
            throw ConfigProblem("\(label) has no input shape of the form [null, size, ...]")
        }
        var shape: [Int] = []
        for element in elements.dropFirst() {
            guard let size = element.int, size > 0, size <= dimensionLimit else {
                throw ConfigProblem(
                    "\(label)'s input shape \(value?.text ?? "") needs positive sizes (at most \(dimensionLimit)) after the batch's null"
                )
            }
            shape.append(size)
        }
        guard shape.checkedProduct.map({ $0 <= dimensionLimit * 16 }) == true else {
            throw ConfigProblem(
                "\(label)'s input shape \(value?.text ?? "") has more values per sample than NNKit takes")
        }
        return shape
    }

    /// A layer whose dtype (policy) is not float32 computes otherwise than NNKit.
    private static func checkFloat32(_ options: JSONValue, _ label: String) throws(ConfigProblem) {
        guard let dtype = options["dtype"], !dtype.isNull else { return }
        let name = dtype.string ?? dtype["config"]?["name"]?.string ?? dtype.text
        guard name == "float32" else {
            throw ConfigProblem("\(label) computes in \(name); NNKit computes in float32 only")
        }
    }
}

/// What is wrong with a `config.json`, in words.
struct ConfigProblem: Error {
    let problem: String
    init(_ problem: String) { self.problem = problem }
}

// MARK: Writing

extension Sequential {
    /// The model as Keras's `config.json` holds it, which `keras.models.load_model` rebuilds
    /// with Keras's own layers. The settings NNKit does not have are written with the values
    /// NNKit's layers behave as (a bias, channels-last images, no dilation); no compile_config,
    /// since the optimizer's state is not saved.
    func kerasConfig() -> JSONValue {
        let (object, shape) = (KerasJSON.object, KerasJSON.shape)
        var entries: [JSONValue] = [
            KerasJSON.serialized(
                "keras.layers", "InputLayer",
                [
                    ("batch_shape", shape(inputShape)), ("dtype", .string("float32")), ("sparse", .bool(false)),
                    ("ragged", .bool(false)), ("name", .string("input_layer")), ("optional", .bool(false)),
                ])
        ]
        var layerInput = inputShape
        for layer in layers {
            var config: [(String, JSONValue)] = [
                ("name", .string(layer.name)), ("trainable", .bool(layer.isTrainable)),
                ("dtype", KerasJSON.float32),
            ]
            config += (layer as? any LayerKind)?.kerasOptions ?? []
            var entry: [(String, JSONValue)] = [
                ("module", .string("keras.layers")), ("class_name", .string(layer.typeName)),
                ("config", object(config)), ("registered_name", .null),
            ]
            // Keras records the input shape of the layers it built with weights.
            if !layer.parameters.isEmpty {
                entry.append(("build_config", object([("input_shape", shape(layerInput))])))
            }
            entries.append(object(entry))
            layerInput = layer.outputShape
        }
        return object([
            ("module", .string("keras")), ("class_name", .string("Sequential")),
            (
                "config",
                object([
                    ("name", .string(name)), ("trainable", .bool(true)), ("dtype", KerasJSON.float32),
                    ("layers", .array(entries)), ("build_input_shape", shape(inputShape)),
                ])
            ),
            ("registered_name", .null),
            ("build_config", object([("input_shape", shape(inputShape))])),
            ("compile_config", .null),
        ])
    }
}
