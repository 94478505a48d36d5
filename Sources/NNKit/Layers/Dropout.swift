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

    public var typeName: String { Self.kerasClassName }
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
        precondition(
            input.columns == size,
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
                    for i in 0..<input.count {
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
                    for i in 0..<gradient.count { result[i] = gradient[i] * mask[i] }
                }
            }
        }
        return inputGradient
    }
}

extension Dropout: LayerKind {
    static let kerasClassName = "Dropout"

    static func make(_ settings: LayerSettings) throws -> Dropout {
        guard settings.configuration["rate"] != nil else {
            throw NNKitError.invalidArgument(
                "Dropout needs a 'rate', the fraction of its inputs it drops (such as 0.25).")
        }
        let rate = try settings.float("rate")
        guard rate >= 0 && rate < 1 else {
            throw NNKitError.invalidArgument("Dropout's rate must be in [0, 1), got \(rate).")
        }
        return Dropout(rate: rate)
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        _ = try make(settings)
        let output = try input.values(input.shape)
        // Nothing in inference (the input passes through); a mask, outputs and the input's
        // gradient in training.
        return LayerFootprint(
            parameters: 0, outputShape: input.shape, outputValues: output, inferenceValues: 0,
            trainingValues: try input.product(3, output))
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        try options.absent(["noise_shape"], "NNKit's Dropout drops each value on its own")
        guard let rate = options["rate"], !rate.isNull else {
            throw ConfigProblem(
                "\(options.label) has no rate; a Dropout needs one, the fraction of its inputs it "
                    + "drops (such as 0.25)")
        }
        return LayerConfiguration(type: kerasClassName, [("rate", .float(try options.number("rate", default: .nan)))])
    }

    var kerasOptions: [(String, JSONValue)] { [("rate", .float(rate)), ("seed", .null), ("noise_shape", .null)] }
}
