/// A fully connected layer: `output = activation(input · kernel + bias)`.
///
/// Shapes: `input: (batch, inputSize) → output: (batch, units)`; `kernel: (inputSize, units)` as
/// in Keras; `bias: (1, units)`. Defaults as Keras: Glorot-uniform kernel, zero bias, linear
/// activation.
public final class Dense: Layer {
    public let units: Int
    public let activation: ActivationFunction
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    /// A penalty on the kernel added to the loss, e.g. `.l2(0.001)`; nil for none.
    public let kernelRegularizer: Regularizer?
    public var name = "dense"
    public private(set) var inputSize = 0
    /// Whether `backward` computes the gradient with respect to the input. `Sequential` turns
    /// it off for its first layer, whose input is the data: that product would be thrown away.
    public var computesInputGradient = true
    public var isTrainable = true

    public let kernel = Parameter(name: "kernel", value: Matrix(rows: 0, columns: 0))
    public let bias = Parameter(name: "bias", value: Matrix(rows: 0, columns: 0))

    // Kept between forward and backward, and reused from batch to batch.
    private var input = Matrix(rows: 0, columns: 0)
    private var preactivation = Matrix(rows: 0, columns: 0)
    private var output = Matrix(rows: 0, columns: 0)
    private var preactivationGradient = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)
    /// Splits large products between two cores in models whose BLAS runs single-threaded.
    private let runner = ElementwiseRunner()

    public init(
        units: Int, activation: ActivationFunction = .linear,
        kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, kernelRegularizer: Regularizer? = nil
    ) {
        precondition(units > 0, "Dense needs at least one unit, got \(units).")
        self.units = units
        self.activation = activation
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
    }

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { units }
    public var parameters: [Parameter] { [kernel, bias] }

    public var configuration: LayerConfiguration {
        var values: [(key: String, value: LayerConfiguration.Value)] = [
            ("units", .int(units)), ("activation", .string(activation.rawValue)),
        ]
        if let kernelRegularizer { values.append(("kernel_regularizer", .string(kernelRegularizer.name))) }
        return LayerConfiguration(type: typeName, values)
    }

    public var regularizationLoss: Float {
        kernelRegularizer?.penalty(kernel.value) ?? 0
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        precondition(inputSize > 0, "Dense needs at least one input feature, got \(inputSize).")
        self.inputSize = inputSize
        kernel.value = kernelInitializer.matrix(
            fanIn: inputSize, fanOut: units,
            rows: inputSize, columns: units,
            generator: &generator)
        bias.value = biasInitializer.matrix(
            fanIn: inputSize, fanOut: units,
            rows: 1, columns: units, generator: &generator)
        kernel.gradient = Matrix(rows: inputSize, columns: units)
        bias.gradient = Matrix(rows: 1, columns: units)
    }

    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        precondition(
            inputShape.count == 1,
            "Dense takes flat samples; its input is \(shapeText(inputShape)). Put Flatten() before it.")
        build(inputSize: inputShape[0], generator: &generator)
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(
            input.columns == inputSize,
            "\(name) (Dense) expected \(inputSize) input features, got \(input.columns).")
        // Every row starts as the bias; then += (batch, inputSize) · (inputSize, units).
        preactivation.fillRows(with: bias.value, count: input.rows)
        Matrix.multiply(input, kernel.value, into: &preactivation, beta: 1, splittingWith: runner)
        activation.apply(preactivation, into: &output)
        self.input = training ? input : Matrix(rows: 0, columns: 0)
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        precondition(
            input.rows == outputGradient.rows && input.columns == inputSize,
            "\(name) (Dense): backward needs a forward pass in training mode on the same batch first.")
        activation.backward(
            output: output, outputGradient: outputGradient,
            into: &preactivationGradient)
        // (inputSize, batch) · (batch, units) → (inputSize, units)
        Matrix.multiply(input, transposingA: true, preactivationGradient, into: &kernel.gradient, splittingWith: runner)
        kernelRegularizer?.addGradient(of: kernel.value, to: &kernel.gradient)
        preactivationGradient.sumColumns(into: &bias.gradient)
        if computesInputGradient {
            // (batch, units) · (units, inputSize) → (batch, inputSize)
            Matrix.multiply(
                preactivationGradient, kernel.value, transposingB: true,
                into: &inputGradient, splittingWith: runner)
        } else {
            inputGradient.reshapeForReuse(rows: 0, columns: inputSize)
        }
        // Let go of the input so the previous layer can write its next output in place.
        input = Matrix(rows: 0, columns: 0)
        return inputGradient
    }
}

extension Dense: LayerKind {
    static let kerasClassName = "Dense"

    static func make(_ settings: LayerSettings) throws -> Dense {
        var regularizer: Regularizer?
        if case .string(let name)? = settings.configuration["kernel_regularizer"] {
            guard let parsed = Regularizer(name: name) else {
                throw NNKitError.invalidArgument(
                    "Unknown kernel_regularizer '\(name)'; NNKit has l2(factor) and "
                        + "l1(factor), with a factor of 0 or more.")
            }
            regularizer = parsed
        }
        return Dense(
            units: try settings.count("units", of: "unit"),
            activation: try settings.activation("activation", default: .linear), kernelRegularizer: regularizer)
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        let (inputs, units) = (try input.flat(), try settings.count("units", of: "unit"))
        let output = units
        // Preactivations and outputs; in training also their gradient and the input's.
        return LayerFootprint(
            parameters: try input.weights([inputs, units], plus: units), outputShape: [units],
            outputValues: output, inferenceValues: try input.product(2, output),
            trainingValues: try input.sum([try input.product(3, output), inputs]))
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        try options.flag("use_bias", is: true, "NNKit's Dense always has a bias")
        try options.absent(
            [
                "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint",
                "quantization_config", "lora_rank",
            ], "NNKit's Dense has no such option")
        var values: [(key: String, value: LayerConfiguration.Value)] = [
            ("units", .int(try options.whole("units"))),
            ("activation", try options.activation()),
        ]
        if let regularizer = try options.kernelRegularizer() {
            values.append(("kernel_regularizer", .string(regularizer)))
        }
        return LayerConfiguration(type: kerasClassName, values)
    }

    var kerasOptions: [(String, JSONValue)] {
        [
            ("units", .number(Double(units))), ("activation", .string(activation.rawValue)), ("use_bias", .bool(true)),
            ("kernel_initializer", KerasJSON.initializer(kernelInitializer)),
            ("bias_initializer", KerasJSON.initializer(biasInitializer)),
            ("kernel_regularizer", KerasJSON.regularizer(kernelRegularizer)), ("bias_regularizer", .null),
            ("kernel_constraint", .null), ("bias_constraint", .null), ("quantization_config", .null),
        ]
    }
}
