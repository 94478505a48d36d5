/// A layer that only applies an activation function: Keras's `Activation("sigmoid")`, used
/// after `BatchNormalization` so the normalization sees the pre-activation.
///
/// Shapes: `(batch, n) → (batch, n)`. No parameters.
public final class Activation: Layer {
    public let function: ActivationFunction
    public var name = "activation"
    private var size = 0
    private var output = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)

    public init(_ function: ActivationFunction) {
        self.function = function
    }

    public var typeName: String { "Activation" }
    public var outputSize: Int { size }
    public private(set) var outputShape: [Int] = []

    public var configuration: LayerConfiguration {
        LayerConfiguration(type: typeName, [("activation", .string(function.rawValue))])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        size = inputSize
        outputShape = [inputSize]
    }

    /// Element by element, so any shape passes through unchanged.
    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        build(inputSize: elementCount(inputShape), generator: &generator)
        outputShape = inputShape
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(input.columns == size,
                     "\(name) (Activation) expected \(size) input features, got \(input.columns).")
        function.apply(input, into: &output)
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        function.backward(output: output, outputGradient: outputGradient, into: &inputGradient)
        return inputGradient
    }
}
