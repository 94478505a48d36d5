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
    static let knownClasses = ["InputLayer", "Dense", "Activation", "Dropout", "BatchNormalization", "Flatten",
                               "Conv2D", "MaxPooling2D"]

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
            throw ConfigProblem("it has \(grouped(layerCount)) layers, more than the \(grouped(Sequential.layerLimit)) "
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
                throw ConfigProblem("\(label) is not one NNKit has; it has \(Self.knownClasses.joined(separator: ", "))")
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
            let configuration = try Self.configuration(layerClass, options, label)
            do {
                _ = try configuration.makeLayer()
            } catch let error as NNKitError {
                throw ConfigProblem("\(label): \(error.sentence)")
            } catch {
                throw ConfigProblem("\(label): \(error)")
            }
            layers.append(Layer(name: layerName, configuration: configuration,
                                isTrainable: options["trainable"]?.bool ?? true))
        }
        if shape == nil, let given = config["build_input_shape"] ?? json["build_config"]?["input_shape"], !given.isNull {
            shape = try Self.inputShape(given, "the model")
        }
        guard let shape else {
            throw ConfigProblem("config.json does not give the model's input shape (no InputLayer, no build_input_shape); "
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
        throw ConfigProblem("it was compiled with \(name) from_logits=True: its last layer gives logits (scores), "
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
                throw ConfigProblem("\(label)'s input shape \(value?.text ?? "") needs positive sizes (at most \(dimensionLimit)) after the batch's null")
            }
            shape.append(size)
        }
        guard shape.checkedProduct.map({ $0 <= dimensionLimit * 16 }) == true else {
            throw ConfigProblem("\(label)'s input shape \(value?.text ?? "") has more values per sample than NNKit takes")
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

    /// NNKit's settings for one Keras layer.
    private static func configuration(_ layerClass: String, _ options: JSONValue, _ label: String) throws(ConfigProblem) -> LayerConfiguration {
        func absent(_ keys: [String], _ what: String) throws(ConfigProblem) {
            for key in keys where !(options[key]?.isNull ?? true) {
                throw ConfigProblem("\(label) has a \(key) (\(options[key]?.text ?? "")); \(what)")
            }
        }
        func flag(_ key: String, is expected: Bool, _ what: String) throws(ConfigProblem) {
            if let value = options[key], !value.isNull, value.bool != expected {
                throw ConfigProblem("\(label) has \(key) \(value.text); \(what)")
            }
        }
        func whole(_ key: String) throws(ConfigProblem) -> Int {
            guard let value = options[key]?.int else { throw ConfigProblem("\(label) has no whole number \(key)") }
            return value
        }
        func number(_ key: String, default fallback: Float) throws(ConfigProblem) -> Float {
            guard let value = options[key], !value.isNull else { return fallback }
            guard let number = value.number, number.isFinite else { throw ConfigProblem("\(label) has no number \(key)") }
            return Float(number)
        }
        func pair(_ key: String) throws(ConfigProblem) -> LayerConfiguration.Value? {
            guard let value = options[key], !value.isNull else { return nil }
            if let single = value.int { return .ints([single, single]) }
            guard let elements = value.array, elements.count == 2, let height = elements[0].int, let width = elements[1].int else {
                throw ConfigProblem("\(label) has \(key) \(value.text); NNKit takes two whole numbers")
            }
            return .ints([height, width])
        }
        func activation() throws(ConfigProblem) -> LayerConfiguration.Value {
            guard let value = options["activation"], !value.isNull else { return .string("linear") }
            let known = ActivationFunction.allCases.map(\.rawValue)
            guard let name = value.string, known.contains(name) else {
                throw ConfigProblem("\(label) has the activation \(value.text), which NNKit lacks; it has \(known.joined(separator: ", "))")
            }
            return .string(name)
        }
        func channelsLast() throws(ConfigProblem) {
            if let format = options["data_format"], !format.isNull, format.string != "channels_last" {
                throw ConfigProblem("\(label) has data_format \(format.text); NNKit's images are channels_last")
            }
        }
        func padding() throws(ConfigProblem) -> LayerConfiguration.Value {
            guard let value = options["padding"], !value.isNull else { return .string("valid") }
            guard let name = value.string, Padding(rawValue: name.lowercased()) != nil else {
                throw ConfigProblem("\(label) has padding \(value.text); NNKit has valid and same")
            }
            return .string(name.lowercased())
        }

        switch layerClass {
        case "Dense":
            try flag("use_bias", is: true, "NNKit's Dense always has a bias")
            try absent(["bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint",
                        "quantization_config", "lora_rank"], "NNKit's Dense has no such option")
            var values: [(key: String, value: LayerConfiguration.Value)] = [("units", .int(try whole("units"))),
                                                                            ("activation", try activation())]
            if let regularizer = options["kernel_regularizer"], !regularizer.isNull {
                values.append(("kernel_regularizer", .string(try Self.regularizer(regularizer, label))))
            }
            return LayerConfiguration(type: "Dense", values)
        case "Activation":
            return LayerConfiguration(type: "Activation", [("activation", try activation())])
        case "Dropout":
            try absent(["noise_shape"], "NNKit's Dropout drops each value on its own")
            guard let rate = options["rate"], !rate.isNull else {
                throw ConfigProblem("\(label) has no rate; a Dropout needs one, the fraction of its inputs it drops "
                                    + "(such as 0.25)")
            }
            return LayerConfiguration(type: "Dropout", [("rate", .float(try number("rate", default: .nan)))])
        case "BatchNormalization":
            if let axis = options["axis"], !axis.isNull, ![JSONValue.number(-1), .number(1), .array([.number(-1)]), .array([.number(1)])].contains(axis) {
                throw ConfigProblem("\(label) normalizes over axis \(axis.text); NNKit normalizes flat features (axis -1)")
            }
            try flag("center", is: true, "NNKit's BatchNormalization always has beta (center)")
            try flag("scale", is: true, "NNKit's BatchNormalization always has gamma (scale)")
            try flag("renorm", is: false, "NNKit's BatchNormalization has no batch renormalization")
            try absent(["beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"],
                       "NNKit's BatchNormalization has no such option")
            return LayerConfiguration(type: "BatchNormalization", [("momentum", .float(try number("momentum", default: 0.99))),
                                                                   ("epsilon", .float(try number("epsilon", default: 1e-3)))])
        case "Flatten":
            try channelsLast()
            return LayerConfiguration(type: "Flatten")
        case "Conv2D":
            try channelsLast()
            try flag("use_bias", is: true, "NNKit's Conv2D always has a bias")
            if let dilation = try pair("dilation_rate"), dilation != .ints([1, 1]) {
                throw ConfigProblem("\(label) has dilation_rate \(options["dilation_rate"]?.text ?? ""); NNKit's Conv2D has none")
            }
            if let groups = options["groups"], !groups.isNull, groups.int != 1 {
                throw ConfigProblem("\(label) has groups \(groups.text); NNKit's Conv2D has one group")
            }
            try absent(["kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
                        "bias_constraint", "lora_rank"], "NNKit's Conv2D has no such option")
            guard let kernelSize = try pair("kernel_size") else { throw ConfigProblem("\(label) has no kernel_size") }
            return LayerConfiguration(type: "Conv2D", [
                ("filters", .int(try whole("filters"))), ("kernel_size", kernelSize),
                ("strides", try pair("strides") ?? .ints([1, 1])), ("padding", try padding()),
                ("activation", try activation()),
            ])
        case "MaxPooling2D":
            try channelsLast()
            let poolSize = try pair("pool_size") ?? .ints([2, 2])
            return LayerConfiguration(type: "MaxPooling2D", [("pool_size", poolSize), ("strides", try pair("strides") ?? poolSize),
                                                             ("padding", try padding())])
        default:
            throw ConfigProblem("\(label) is not one NNKit has; it has \(knownClasses.joined(separator: ", "))")
        }
    }

    /// Keras's `{"class_name": "L2", "config": {"l2": 0.001}}` as NNKit names it: `l2(0.001)`.
    private static func regularizer(_ value: JSONValue, _ label: String) throws(ConfigProblem) -> String {
        let className = value["class_name"]?.string ?? value.string ?? ""
        let config = value["config"]
        let l1 = config?["l1"]?.number ?? 0
        let l2 = config?["l2"]?.number ?? 0
        let name: String?
        switch className.lowercased() {
        case "l2": name = "l2(\(Float(l2)))"
        case "l1": name = "l1(\(Float(l1)))"
        case "l1l2" where l1 == 0: name = "l2(\(Float(l2)))"
        case "l1l2" where l2 == 0: name = "l1(\(Float(l1)))"
        default: name = nil
        }
        guard let name, Regularizer(name: name) != nil else {
            throw ConfigProblem("\(label) has the kernel_regularizer \(value.text); NNKit has L2 and L1, each with a factor of 0 or more")
        }
        return name
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
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { (key: $0.0, value: $0.1) }) }
        func serialized(_ module: String, _ className: String, _ config: [(String, JSONValue)]) -> JSONValue {
            object([("module", .string(module)), ("class_name", .string(className)), ("config", object(config)),
                    ("registered_name", .null)])
        }
        func shape(_ dimensions: [Int]) -> JSONValue { .array([.null] + dimensions.map { .number(Double($0)) }) }
        func pair(_ size: Size2D) -> JSONValue { .array([.number(Double(size.height)), .number(Double(size.width))]) }
        let float32 = serialized("keras", "DTypePolicy", [("name", .string("float32"))])
        func initializer(_ initializer: Initializer) -> JSONValue {
            switch initializer {
            case .zeros: return serialized("keras.initializers", "Zeros", [])
            case .ones: return serialized("keras.initializers", "Ones", [])
            case .glorotUniform:
                return serialized("keras.initializers", "GlorotUniform", [("seed", .null), ("input_axes", .null), ("output_axes", .null)])
            case .heNormal: return serialized("keras.initializers", "HeNormal", [("seed", .null)])
            }
        }
        func regularizer(_ regularizer: Regularizer?) -> JSONValue {
            switch regularizer {
            case .l2(let factor)?: return serialized("keras.regularizers", "L2", [("l2", .float(factor))])
            case .l1(let factor)?: return serialized("keras.regularizers", "L1", [("l1", .float(factor))])
            case nil: return .null
            }
        }

        var entries: [JSONValue] = [serialized("keras.layers", "InputLayer", [
            ("batch_shape", shape(inputShape)), ("dtype", .string("float32")), ("sparse", .bool(false)),
            ("ragged", .bool(false)), ("name", .string("input_layer")), ("optional", .bool(false)),
        ])]
        var layerInput = inputShape
        for layer in layers {
            var config: [(String, JSONValue)] = [("name", .string(layer.name)), ("trainable", .bool(layer.isTrainable)),
                                                 ("dtype", float32)]
            switch layer {
            case let dense as Dense:
                config += [("units", .number(Double(dense.units))), ("activation", .string(dense.activation.rawValue)),
                           ("use_bias", .bool(true)), ("kernel_initializer", initializer(dense.kernelInitializer)),
                           ("bias_initializer", initializer(dense.biasInitializer)),
                           ("kernel_regularizer", regularizer(dense.kernelRegularizer)), ("bias_regularizer", .null),
                           ("kernel_constraint", .null), ("bias_constraint", .null), ("quantization_config", .null)]
            case let activation as Activation:
                config += [("activation", .string(activation.function.rawValue))]
            case let dropout as Dropout:
                config += [("rate", .float(dropout.rate)), ("seed", .null), ("noise_shape", .null)]
            case let normalization as BatchNormalization:
                config += [("axis", .number(-1)), ("momentum", .float(normalization.momentum)),
                           ("epsilon", .float(normalization.epsilon)), ("center", .bool(true)), ("scale", .bool(true)),
                           ("beta_initializer", initializer(.zeros)), ("gamma_initializer", initializer(.ones)),
                           ("moving_mean_initializer", initializer(.zeros)), ("moving_variance_initializer", initializer(.ones)),
                           ("beta_regularizer", .null), ("gamma_regularizer", .null), ("beta_constraint", .null),
                           ("gamma_constraint", .null), ("synchronized", .bool(false))]
            case is Flatten:
                config += [("data_format", .string("channels_last"))]
            case let conv as Conv2D:
                config += [("filters", .number(Double(conv.filters))), ("kernel_size", pair(conv.kernelSize)),
                           ("strides", pair(conv.strides)), ("padding", .string(conv.padding.rawValue)),
                           ("data_format", .string("channels_last")), ("dilation_rate", pair(1)), ("groups", .number(1)),
                           ("activation", .string(conv.activation.rawValue)), ("use_bias", .bool(true)),
                           ("kernel_initializer", initializer(conv.kernelInitializer)),
                           ("bias_initializer", initializer(conv.biasInitializer)), ("kernel_regularizer", .null),
                           ("bias_regularizer", .null), ("activity_regularizer", .null), ("kernel_constraint", .null),
                           ("bias_constraint", .null)]
            case let pooling as MaxPooling2D:
                config += [("pool_size", pair(pooling.poolSize)), ("padding", .string(pooling.padding.rawValue)),
                           ("strides", pair(pooling.strides)), ("data_format", .string("channels_last"))]
            default:
                break
            }
            var entry: [(String, JSONValue)] = [("module", .string("keras.layers")), ("class_name", .string(layer.typeName)),
                                                ("config", object(config)), ("registered_name", .null)]
            // Keras records the input shape of the layers it built with weights.
            if !layer.parameters.isEmpty {
                entry.append(("build_config", object([("input_shape", shape(layerInput))])))
            }
            entries.append(object(entry))
            layerInput = layer.outputShape
        }
        return object([
            ("module", .string("keras")), ("class_name", .string("Sequential")),
            ("config", object([("name", .string(name)), ("trainable", .bool(true)), ("dtype", float32),
                               ("layers", .array(entries)), ("build_input_shape", shape(inputShape))])),
            ("registered_name", .null),
            ("build_config", object([("input_shape", shape(inputShape))])),
            ("compile_config", .null),
        ])
    }
}
