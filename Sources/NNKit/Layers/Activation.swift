/// A layer that only applies an activation function: Keras's `Activation("sigmoid")`, used
/// after `BatchNormalization` so the normalization sees the pre-activation.
///
/// Shapes: `(batch, n) → (batch, n)`, any sample shape passing through. Softmax normalizes
/// over the last axis, as Keras's: a flat sample's whole row, an image's channels at each
/// pixel (`[h, w, c]`: `h · w` distributions of `c` values). No parameters.
public final class Activation: Layer {
    public let function: ActivationFunction
    public var name = "activation"
    private var size = 0
    /// The length of each sample's last axis: softmax's run.
    private var lastAxis = 0
    private var output = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)

    public init(_ function: ActivationFunction) {
        self.function = function
    }

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { size }
    public private(set) var outputShape: [Int] = []

    public var configuration: LayerConfiguration {
        LayerConfiguration(type: typeName, [("activation", .string(function.rawValue))])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        size = inputSize
        outputShape = [inputSize]
        lastAxis = inputSize
    }

    /// Element by element, so any shape passes through unchanged.
    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        build(inputSize: elementCount(inputShape), generator: &generator)
        outputShape = inputShape
        lastAxis = inputShape.last ?? size
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(
            input.columns == size,
            "\(name) (Activation) expected \(size) input features, got \(input.columns).")
        function.apply(input, into: &output, lastAxis: lastAxis)
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        function.backward(output: output, outputGradient: outputGradient, into: &inputGradient, lastAxis: lastAxis)
        return inputGradient
    }
}

extension Activation: LayerKind {
    static let kerasClassName = "Activation"

    static func make(_ settings: LayerSettings) throws -> Activation {
        Activation(try settings.activation("activation", default: nil))
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        _ = try make(settings)
        return try input.passThrough()
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        LayerConfiguration(type: kerasClassName, [("activation", try options.activation())])
    }

    var kerasOptions: [(String, JSONValue)] { [("activation", .string(function.rawValue))] }
}
