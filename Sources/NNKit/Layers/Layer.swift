/// A step of a `Sequential` model: maps a batch `(batch, inputSize)` to `(batch, outputSize)`
/// and, given the gradient of the loss with respect to its output, returns the gradient with
/// respect to its input and fills its parameters' gradients.
///
/// A batch is always a matrix with one row per sample. An image is one row too, its values in
/// Keras's channels-last order (row, then column, then channel); `outputShape` says how a
/// layer's row is to be read (`[28, 28, 32]`, or `[100]` for a flat one).
///
/// A layer knows nothing of epochs or optimizers. Its parameters are listed, not discovered,
/// and whether it is training is passed to each call, never a global mode.
public protocol Layer: AnyObject {
    /// Keras's class name, shown by `summary()` and written in model files: `"Dense"`.
    var typeName: String { get }
    /// The instance name, unique within a model: `dense`, `dense_1`, … (set by `Sequential`).
    var name: String { get set }
    /// Features per sample out of the layer; known once built.
    var outputSize: Int { get }
    /// The shape of one sample out of the layer, without the batch: `[14, 14, 32]` for an
    /// image, `[units]` for a flat output (the default). Known once built.
    var outputShape: [Int] { get }
    /// Creates the parameters for `inputSize` input features, drawing from `generator`.
    func build(inputSize: Int, generator: inout RandomGenerator)
    /// Creates the parameters for samples of `inputShape` (`[28, 28, 1]`). The default is
    /// `build(inputSize:)` on the flattened size; image layers need the shape itself.
    func build(inputShape: [Int], generator: inout RandomGenerator)
    /// `input: (batch, inputSize) → output: (batch, outputSize)`. With `training` the layer
    /// keeps what `backward` will need.
    func forward(_ input: Matrix, training: Bool) -> Matrix
    /// `outputGradient: (batch, outputSize) → inputGradient: (batch, inputSize)`, after a
    /// `forward(_:training: true)` on the same batch; fills every trainable parameter's gradient.
    func backward(_ outputGradient: Matrix) -> Matrix
    /// Every weight in Keras's order (`kernel`, `bias`; `gamma`, `beta`, `moving_mean`,
    /// `moving_variance`), trainable or not.
    var parameters: [Parameter] { get }
    /// The penalty this layer adds to the loss (its regularizers'), 0 for most layers.
    var regularizationLoss: Float { get }
    /// Whether `backward` must return the gradient with respect to the input. `Sequential`
    /// turns it off for its first layer, whose input is the data; a layer that can skip that
    /// product (Dense) does.
    var computesInputGradient: Bool { get set }
    /// Whether `fit` updates this layer's weights (Keras's `trainable`). A frozen layer's weights
    /// count as non-trainable in `summary()`, and a frozen BatchNormalization runs in inference
    /// mode. As in Keras, a change takes effect at the next `compile`. Layers without weights
    /// are always trainable.
    var isTrainable: Bool { get set }
    /// Whether the layer splits each batch between cores itself (convolution, pooling): a model
    /// holding one runs BLAS single-threaded while it trains or predicts, so that BLAS's idle
    /// workers do not compete with the layer's own threads.
    var splitsBatchAcrossCores: Bool { get }
    /// The settings that rebuild this layer, as written in a model file:
    /// `["type": "Dense", "units": 256, "activation": "relu"]`.
    var configuration: LayerConfiguration { get }
}

extension Layer {
    public var parameters: [Parameter] { [] }
    public var outputShape: [Int] { [outputSize] }

    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        build(inputSize: elementCount(inputShape), generator: &generator)
    }
    public var regularizationLoss: Float { 0 }
    public var computesInputGradient: Bool {
        get { true }
        set {}
    }
    public var isTrainable: Bool {
        get { true }
        set {}
    }
    public var splitsBatchAcrossCores: Bool { false }

    /// The default instance name: the type in snake case (`BatchNormalization` →
    /// `batch_normalization`, `Conv2D` → `conv2d`), as Keras names layers.
    var baseName: String { snakeCase(typeName) }
}

/// A class name in snake case as Keras writes it: a capital after a small letter starts a word;
/// after a digit it does not (`Conv2D` → `conv2d`, `MaxPooling2D` → `max_pooling2d`).
func snakeCase(_ typeName: String) -> String {
    var result = ""
    var previous: Character?
    for character in typeName {
        if character.isUppercase, let previous, previous.isLowercase { result.append("_") }
        result.append(contentsOf: character.lowercased())
        previous = character
    }
    return result
}

/// A layer's settings: its type and a few named values, enough to build it again.
public struct LayerConfiguration: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case int(Int)
        case float(Float)
        case string(String)
        /// A list of whole numbers: a kernel's `[height, width]`.
        case ints([Int])
    }

    public var type: String
    /// Settings in a fixed order, so that a written file is the same run to run.
    public var values: [(key: String, value: Value)]

    public init(type: String, _ values: [(key: String, value: Value)] = []) {
        self.type = type
        self.values = values
    }

    public subscript(key: String) -> Value? {
        values.first { $0.key == key }?.value
    }

    /// The same type and the same settings, in whatever order they are listed.
    public static func == (lhs: LayerConfiguration, rhs: LayerConfiguration) -> Bool {
        let left = lhs.values.sorted { $0.key < $1.key }
        let right = rhs.values.sorted { $0.key < $1.key }
        return lhs.type == rhs.type && left.map(\.key) == right.map(\.key) && left.map(\.value) == right.map(\.value)
    }
}

/// A layer that reads its samples as images, `[height, width, channels]`, and keeps the shape
/// it was built for.
protocol ImageLayer: Layer {
    var inputShape: [Int] { get }
}
