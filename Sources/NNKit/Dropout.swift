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

    public var configuration: LayerConfiguration {
        LayerConfiguration(type: typeName, [("rate", .float(rate))])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        size = inputSize
        self.generator = generator.split()
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(input.columns == size,
                     "\(name) (Dropout) expected \(size) input features, got \(input.columns).")
        guard training && rate > 0 else { return input }
        let scale = 1 / (1 - rate)
        mask.reshapeForReuse(rows: input.rows, columns: input.columns)
        for i in mask.scalars.indices {
            mask.scalars[i] = generator.nextUnitFloat() >= rate ? scale : 0
        }
        output.reshapeForReuse(rows: input.rows, columns: input.columns)
        for i in output.scalars.indices { output.scalars[i] = input.scalars[i] * mask.scalars[i] }
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard rate > 0 else { return outputGradient }
        inputGradient.reshapeForReuse(rows: outputGradient.rows, columns: outputGradient.columns)
        for i in inputGradient.scalars.indices {
            inputGradient.scalars[i] = outputGradient.scalars[i] * mask.scalars[i]
        }
        return inputGradient
    }
}
