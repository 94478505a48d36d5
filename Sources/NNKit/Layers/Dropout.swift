/// Inverted dropout, as Keras: in training each unit is kept with probability `1 − rate` and
/// kept units are scaled by `1 / (1 − rate)`, so the expected output equals the input; at
/// inference the layer is the identity.
///
/// Shapes: `(batch, n) → (batch, n)`. The masks come from a generator split off the model's
/// at build time, so a seed fixes every mask.
public final class Dropout: Layer {
    public let rate: Float
    public var name = "dropout"
    private var size = 0
    private var generator = RandomGenerator(seed: 0)
    /// The last training mask: 0 for a dropped unit, `1 / (1 − rate)` for a kept one.
    public private(set) var mask = Matrix(rows: 0, columns: 0)
    private var output = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)

    public init(rate: Float) {
        precondition(rate >= 0 && rate < 1, "Dropout's rate must be in [0, 1), got \(rate).")
        self.rate = rate
    }

    public var typeName: String { "Dropout" }
    public var outputSize: Int { size }
    public private(set) var outputShape: [Int] = []

    public var configuration: LayerConfiguration {
        LayerConfiguration(type: typeName, [("rate", .float(rate))])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        size = inputSize
        outputShape = [inputSize]
        self.generator = generator.split()
    }

    /// Element by element, so any shape passes through unchanged.
    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        build(inputSize: elementCount(inputShape), generator: &generator)
        outputShape = inputShape
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(input.columns == size,
                     "\(name) (Dropout) expected \(size) input features, got \(input.columns).")
        guard training && rate > 0 else { return input }
        let scale = 1 / (1 - rate)
        let keepFrom = rate
        mask.reshapeForReuse(rows: input.rows, columns: input.columns)
        output.reshapeForReuse(rows: input.rows, columns: input.columns)
        // A local copy of the generator, written back after: the loop then runs on registers
        // rather than through the object, element by element.
        var draws = generator
        mask.scalars.withUnsafeMutableBufferPointer { mask in
            output.scalars.withUnsafeMutableBufferPointer { output in
                input.scalars.withUnsafeBufferPointer { input in
                    for i in 0 ..< input.count {
                        let factor: Float = draws.nextUnitFloat() >= keepFrom ? scale : 0
                        mask[i] = factor
                        output[i] = input[i] * factor
                    }
                }
            }
        }
        generator = draws
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard rate > 0 else { return outputGradient }
        inputGradient.reshapeForReuse(rows: outputGradient.rows, columns: outputGradient.columns)
        inputGradient.scalars.withUnsafeMutableBufferPointer { result in
            outputGradient.scalars.withUnsafeBufferPointer { gradient in
                mask.scalars.withUnsafeBufferPointer { mask in
                    for i in 0 ..< gradient.count { result[i] = gradient[i] * mask[i] }
                }
            }
        }
        return inputGradient
    }
}
