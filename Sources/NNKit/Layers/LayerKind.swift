/// What NNKit knows of one type of layer besides its math, kept in the layer's own file, as
/// Keras keeps `get_config` in the layer: its Keras class name, the layer its settings build,
/// what it costs on an input before anything is built, and how its settings are read from and
/// written to Keras's `config.json`.
///
/// `LayerKinds.all` lists every kind; a settings list or a model file names a type, and the
/// list finds it. Adding a layer is its file (the layer and this conformance), one line in
/// that list, and its tests.
protocol LayerKind: Layer {
    /// Keras's class name, as model files write it: `"Dense"`.
    static var kerasClassName: String { get }

    /// A new, unbuilt layer with `settings`; a setting missing or out of range throws, naming it.
    static func make(_ settings: LayerSettings) throws -> Self

    /// What the layer holds on samples of `input` (weights, output shape, buffers), from its
    /// settings alone and without overflow.
    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint

    /// NNKit's settings for a layer of this class in Keras's `config.json`; an option NNKit
    /// does not have is refused, naming it.
    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration

    /// This layer's entries in Keras's `config.json` (its settings; the name, trainable flag and
    /// dtype are written for every layer), with Keras's values for options NNKit does not have.
    var kerasOptions: [(String, JSONValue)] { get }
}

/// Every layer type NNKit builds from settings or reads from a model file.
enum LayerKinds {
    static var all: [any LayerKind.Type] {
        [
            Dense.self, Activation.self, Dropout.self, BatchNormalization.self, Conv2D.self, MaxPooling2D.self,
            AveragePooling2D.self, Flatten.self,
        ]
    }

    /// Keras's class names, in that order.
    static var names: [String] { all.map { $0.kerasClassName } }

    /// The kind with Keras's class name `name`, or nil.
    static func named(_ name: String) -> (any LayerKind.Type)? {
        all.first { $0.kerasClassName == name }
    }
}

/// A layer's settings read for building it: the typed values of a `LayerConfiguration`, each
/// missing or ill-formed one a thrown error naming the layer type and the setting.
struct LayerSettings {
    let configuration: LayerConfiguration
    var type: String { configuration.type }

    init(_ configuration: LayerConfiguration) {
        self.configuration = configuration
    }

    func int(_ key: String) throws -> Int {
        switch configuration[key] {
        case .int(let value): return value
        case .float(let value):
            guard let whole = Int(exactly: value) else {
                throw NNKitError.invalidArgument("\(type) needs a whole number '\(key)', got \(value).")
            }
            return whole
        default: throw NNKitError.invalidArgument("\(type) needs a whole number '\(key)'.")
        }
    }

    /// A whole number of at least 1.
    func count(_ key: String, of what: String) throws -> Int {
        let value = try int(key)
        guard value > 0 else { throw NNKitError.invalidArgument("\(type) needs at least one \(what), got \(value).") }
        return value
    }

    func float(_ key: String, default fallback: Float? = nil) throws -> Float {
        switch configuration[key] {
        case .float(let value): return value
        case .int(let value): return Float(value)
        case nil where fallback != nil: return fallback ?? 0
        default: throw NNKitError.invalidArgument("\(type) needs a number '\(key)'.")
        }
    }

    /// A `[height, width]` list, or one whole number for a square, all positive.
    func size(_ key: String, default fallback: Size2D?) throws -> Size2D {
        let pair: [Int]
        switch configuration[key] {
        case .ints(let values): pair = values
        case .int, .float: pair = [try int(key), try int(key)]
        case nil:
            if let fallback { return fallback }
            throw NNKitError.invalidArgument("\(type) needs '\(key)', such as [3, 3].")
        default: throw NNKitError.invalidArgument("\(type) needs '\(key)' as [height, width].")
        }
        guard pair.count == 2, pair.allSatisfy({ $0 > 0 && $0 <= 1 << 20 }) else {
            throw NNKitError.invalidArgument("\(type)'s '\(key)' must be two positive whole numbers, got \(pair).")
        }
        return Size2D(pair[0], pair[1])
    }

    /// A pooling layer's window (2 × 2 unless given), its strides (the window's size unless
    /// given) and its padding.
    func pooling() throws -> (poolSize: Size2D, strides: Size2D, padding: Padding) {
        let poolSize = try size("pool_size", default: 2)
        return (poolSize, try size("strides", default: poolSize), try padding())
    }

    func padding() throws -> Padding {
        guard let value = configuration["padding"] else { return .valid }
        guard case .string(let name) = value, let padding = Padding(rawValue: name) else {
            throw NNKitError.invalidArgument("\(type)'s padding must be 'valid' or 'same'.")
        }
        return padding
    }

    func activation(_ key: String, default fallback: ActivationFunction?) throws -> ActivationFunction {
        guard case .string(let name)? = configuration[key] else {
            if let fallback { return fallback }
            throw NNKitError.invalidArgument("\(type) needs an '\(key)'.")
        }
        guard let function = ActivationFunction(rawValue: name) else {
            let known = ActivationFunction.allCases.map(\.rawValue).joined(separator: ", ")
            throw NNKitError.invalidArgument("Unknown activation '\(name)'; NNKit has \(known).")
        }
        return function
    }
}

/// Sizes worked out on one input shape without overflow: a count too large for an `Int`
/// throws, naming the layer type and the shape.
struct ShapeArithmetic {
    let shape: [Int]
    let type: String

    init(shape: [Int], type: String) {
        self.shape = shape
        self.type = type
    }

    var described: String { shapeText(shape) }

    private var tooLarge: NNKitError {
        NNKitError.invalidArgument("\(type) on \(described) inputs would need more memory than can be counted.")
    }

    func product(_ a: Int, _ b: Int) throws -> Int {
        guard let result = a.multipliedExactly(by: b) else { throw tooLarge }
        return result
    }

    /// The weights of a kernel of `factors` and `extra` more (its biases), counted without
    /// overflow.
    func weights(_ factors: [Int], plus extra: Int = 0) throws -> Int {
        let tooMany = NNKitError.invalidArgument(
            "\(type) on \(described) inputs would have more weights than can be counted.")
        guard let kernel = factors.checkedProduct, let total = kernel.addingExactly(extra) else { throw tooMany }
        return total
    }

    func sum(_ terms: [Int]) throws -> Int {
        try terms.reduce(0) { total, term in
            guard let next = total.addingExactly(term) else { throw tooLarge }
            return next
        }
    }

    /// Values per sample of `shape`.
    func values(_ shape: [Int]) throws -> Int {
        guard let count = shape.checkedProduct else { throw tooLarge }
        return count
    }

    /// The size of a flat input; an image must be flattened first.
    func flat() throws -> Int {
        guard shape.count == 1 else {
            throw NNKitError.invalidArgument(
                "\(type) takes flat samples, got \(described); a Flatten layer must come before it.")
        }
        return shape[0]
    }

    /// How a window of `window` moving by `strides` covers an image input.
    func window(_ window: Size2D, _ strides: Size2D, _ padding: Padding) throws -> ImageWindow {
        guard shape.count == 3, shape.allSatisfy({ $0 > 0 }) else {
            throw NNKitError.invalidArgument("\(type) needs images, [height, width, channels], got \(described).")
        }
        _ = try values(shape)
        guard let fitted = ImageWindow(inputShape: shape, window: window, strides: strides, padding: padding) else {
            throw NNKitError.invalidArgument("\(type)'s \(window) window does not fit a \(described) input.")
        }
        return fitted
    }

    /// A layer without weights whose output has the input's shape, holding one buffer of
    /// outputs (two in training: and the input's gradient), as most element-wise layers do.
    func passThrough() throws -> LayerFootprint {
        let count = try values(shape)
        return LayerFootprint(
            parameters: 0, outputShape: shape, outputValues: count, inferenceValues: count,
            trainingValues: try product(2, count))
    }
}

/// One layer's settings as Keras's `config.json` holds them, read with the layer's label
/// ("layer 'dense' (Dense)") for every refusal.
struct KerasOptions {
    let options: JSONValue
    let label: String

    subscript(key: String) -> JSONValue? { options[key] }

    /// Refuses any of `keys` that is set: `what` says what NNKit has instead.
    func absent(_ keys: [String], _ what: String) throws(ConfigProblem) {
        for key in keys where !(options[key]?.isNull ?? true) {
            throw ConfigProblem("\(label) has a \(key) (\(options[key]?.text ?? "")); \(what)")
        }
    }

    /// Refuses a flag set otherwise than `expected`.
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

    /// `[height, width]`, or one number for both; nil when absent.
    func pair(_ key: String) throws(ConfigProblem) -> LayerConfiguration.Value? {
        guard let value = options[key], !value.isNull else { return nil }
        if let single = value.int { return .ints([single, single]) }
        guard let elements = value.array, elements.count == 2, let height = elements[0].int,
            let width = elements[1].int
        else {
            throw ConfigProblem("\(label) has \(key) \(value.text); NNKit takes two whole numbers")
        }
        return .ints([height, width])
    }

    func activation() throws(ConfigProblem) -> LayerConfiguration.Value {
        guard let value = options["activation"], !value.isNull else { return .string("linear") }
        let known = ActivationFunction.allCases.map(\.rawValue)
        guard let name = value.string, known.contains(name) else {
            throw ConfigProblem(
                "\(label) has the activation \(value.text), which NNKit lacks; it has "
                    + known.joined(separator: ", "))
        }
        return .string(name)
    }

    /// Keras's `{"class_name": "L2", "config": {"l2": 0.001}}` as NNKit names it, `l2(0.001)`;
    /// nil when there is none.
    func kernelRegularizer() throws(ConfigProblem) -> String? {
        guard let value = options["kernel_regularizer"], !value.isNull else { return nil }
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
            throw ConfigProblem(
                "\(label) has the kernel_regularizer \(value.text); NNKit has L2 and L1, each with a "
                    + "factor of 0 or more")
        }
        return name
    }

    /// A pooling layer's settings of class `type`: Keras's pool_size (2 × 2 by default), strides
    /// (the pool size by default) and padding, on channels-last images.
    func pooling(_ type: String) throws(ConfigProblem) -> LayerConfiguration {
        try channelsLast()
        let poolSize = try pair("pool_size") ?? .ints([2, 2])
        return LayerConfiguration(
            type: type,
            [
                ("pool_size", poolSize), ("strides", try pair("strides") ?? poolSize),
                ("padding", try padding()),
            ])
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
}

/// How Keras's `config.json` writes values NNKit's layers share: shapes, pairs, initializers,
/// regularizers and dtype policies.
enum KerasJSON {
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { (key: $0.0, value: $0.1) })
    }

    static func serialized(_ module: String, _ className: String, _ config: [(String, JSONValue)]) -> JSONValue {
        object([
            ("module", .string(module)), ("class_name", .string(className)), ("config", object(config)),
            ("registered_name", .null),
        ])
    }

    /// `[null, 28, 28, 1]`: a shape after the batch's `null`.
    static func shape(_ dimensions: [Int]) -> JSONValue {
        .array([.null] + dimensions.map { .number(Double($0)) })
    }

    static func pair(_ size: Size2D) -> JSONValue {
        .array([.number(Double(size.height)), .number(Double(size.width))])
    }

    /// A pooling layer's entries.
    static func pooling(_ poolSize: Size2D, _ strides: Size2D, _ padding: Padding) -> [(String, JSONValue)] {
        [
            ("pool_size", pair(poolSize)), ("padding", .string(padding.rawValue)), ("strides", pair(strides)),
            ("data_format", .string("channels_last")),
        ]
    }

    static let float32 = serialized("keras", "DTypePolicy", [("name", .string("float32"))])

    static func initializer(_ initializer: Initializer) -> JSONValue {
        switch initializer {
        case .zeros: return serialized("keras.initializers", "Zeros", [])
        case .ones: return serialized("keras.initializers", "Ones", [])
        case .glorotUniform:
            return serialized(
                "keras.initializers", "GlorotUniform",
                [("seed", .null), ("input_axes", .null), ("output_axes", .null)])
        case .heNormal: return serialized("keras.initializers", "HeNormal", [("seed", .null)])
        }
    }

    static func regularizer(_ regularizer: Regularizer?) -> JSONValue {
        switch regularizer {
        case .l2(let factor)?: return serialized("keras.regularizers", "L2", [("l2", .float(factor))])
        case .l1(let factor)?: return serialized("keras.regularizers", "L1", [("l1", .float(factor))])
        case nil: return .null
        }
    }
}
