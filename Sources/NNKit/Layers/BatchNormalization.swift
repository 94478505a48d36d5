/// Normalizes each feature over the batch, then scales and shifts it: Keras's
/// `BatchNormalization(momentum: 0.99, epsilon: 1e-3)`.
///
/// Training: `x̂ = (x − μ_batch) / sqrt(σ²_batch + ε)`, `y = γ x̂ + β`, with the biased batch
/// variance, and the moving statistics follow Keras's meaning of momentum:
/// `moving = moving · momentum + batch · (1 − momentum)`.
/// Inference: the same with the moving mean and variance in place of the batch's.
/// Shapes: `(batch, n) → (batch, n)`; `gamma`, `beta`, `moving_mean`, `moving_variance`: `(1, n)`.
/// `gamma` and `beta` are trainable; the moving statistics are not.
public final class BatchNormalization: Layer {
    public let momentum: Float
    public let epsilon: Float
    public var name = "batch_normalization"
    /// Frozen (false), the layer normalizes with its moving statistics even in training and
    /// leaves them alone, as Keras 3 does.
    public var isTrainable = true
    /// Whether the last forward pass used the moving statistics (inference, or frozen).
    private var lastPassUsedMovingStatistics = false
    private var size = 0

    public let gamma = Parameter(name: "gamma", value: Matrix(rows: 0, columns: 0))
    public let beta = Parameter(name: "beta", value: Matrix(rows: 0, columns: 0))
    public let movingMean = Parameter(
        name: "moving_mean", value: Matrix(rows: 0, columns: 0),
        isTrainable: false)
    public let movingVariance = Parameter(
        name: "moving_variance",
        value: Matrix(rows: 0, columns: 0), isTrainable: false)

    // Kept from forward for backward, and reused batch after batch.
    private var normalized = Matrix(rows: 0, columns: 0)
    private var inverseStandardDeviation = Matrix(rows: 0, columns: 0)
    private var mean = Matrix(rows: 0, columns: 0)
    private var variance = Matrix(rows: 0, columns: 0)
    private var inferenceScale = Matrix(rows: 0, columns: 0)
    private var inferenceShift = Matrix(rows: 0, columns: 0)
    private var zeroRow = Matrix(rows: 0, columns: 0)
    private var output = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)

    public init(momentum: Float = 0.99, epsilon: Float = 1e-3) {
        precondition(
            momentum >= 0 && momentum <= 1,
            "BatchNormalization's momentum must be in [0, 1], got \(momentum).")
        precondition(epsilon > 0, "BatchNormalization's epsilon must be positive, got \(epsilon).")
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { size }
    public var parameters: [Parameter] { [gamma, beta, movingMean, movingVariance] }

    public var configuration: LayerConfiguration {
        LayerConfiguration(
            type: typeName,
            [
                ("momentum", .float(momentum)),
                ("epsilon", .float(epsilon)),
            ])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        size = inputSize
        gamma.value = Matrix(rows: 1, columns: inputSize, repeating: 1)
        beta.value = Matrix(rows: 1, columns: inputSize)
        movingMean.value = Matrix(rows: 1, columns: inputSize)
        movingVariance.value = Matrix(rows: 1, columns: inputSize, repeating: 1)
        for parameter in parameters {
            parameter.gradient = Matrix(rows: 1, columns: inputSize)
        }
    }

    /// NNKit normalizes flat features only (Keras would normalize an image per channel).
    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        precondition(
            inputShape.count == 1,
            "BatchNormalization in NNKit takes flat samples; its input is \(shapeText(inputShape)). "
                + "Put Flatten() before it.")
        build(inputSize: inputShape[0], generator: &generator)
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(
            input.columns == size,
            "\(name) (BatchNormalization) expected \(size) input features, got \(input.columns).")
        lastPassUsedMovingStatistics = !training || !isTrainable
        if lastPassUsedMovingStatistics {
            // y = γ (x − μ_moving) / sqrt(σ²_moving + ε) + β = x · scale + shift
            inferenceScale.reshapeForReuse(rows: 1, columns: size)
            inferenceShift.reshapeForReuse(rows: 1, columns: size)
            for c in 0..<size {
                let scale = gamma.value[0, c] / (movingVariance.value[0, c] + epsilon).squareRoot()
                inferenceScale[0, c] = scale
                inferenceShift[0, c] = beta.value[0, c] - movingMean.value[0, c] * scale
            }
            input.scaled(by: inferenceScale, shiftedBy: inferenceShift, into: &output)
            return output
        }
        precondition(input.rows > 0, "\(name) (BatchNormalization) cannot normalize an empty batch.")
        input.columnMeans(into: &mean) // μ
        input.columnVariances(around: mean, into: &variance) // σ² (biased)
        inverseStandardDeviation.reshapeForReuse(rows: 1, columns: size)
        for c in 0..<size {
            inverseStandardDeviation[0, c] = 1 / (variance[0, c] + epsilon).squareRoot()
        }
        input.centered(on: mean, scaledBy: inverseStandardDeviation, into: &normalized) // x̂
        normalized.scaled(by: gamma.value, shiftedBy: beta.value, into: &output) // y = γ x̂ + β
        for c in 0..<size {
            movingMean.value[0, c] = movingMean.value[0, c] * momentum + mean[0, c] * (1 - momentum)
            movingVariance.value[0, c] = movingVariance.value[0, c] * momentum + variance[0, c] * (1 - momentum)
        }
        return output
    }

    /// With `g = ∂L/∂y`: `∂β = Σ g`, `∂γ = Σ g · x̂` (sums over the batch), and
    /// `∂x = γ / (N · σ) · (N · g − Σ g − x̂ · Σ g · x̂)`.
    public func backward(_ outputGradient: Matrix) -> Matrix {
        let (batch, width) = (outputGradient.rows, size)
        if lastPassUsedMovingStatistics {
            // y = x · scale + shift with constant scale and shift: ∂x = g · scale; γ and β frozen.
            if zeroRow.count != width { zeroRow = Matrix(rows: 1, columns: width) }
            outputGradient.scaled(by: inferenceScale, shiftedBy: zeroRow, into: &inputGradient)
            return inputGradient
        }
        precondition(
            normalized.rows == batch && outputGradient.columns == width,
            "\(name) (BatchNormalization): backward needs a training forward pass on the same batch first.")
        outputGradient.sumColumns(into: &beta.gradient)
        outputGradient.sumColumnProducts(with: normalized, into: &gamma.gradient)
        inputGradient.reshapeForReuse(rows: batch, columns: width)
        let n = Float(batch)
        outputGradient.scalars.withUnsafeBufferPointer { g in
            normalized.scalars.withUnsafeBufferPointer { xHat in
                inputGradient.withUnsafeMutableBufferPointer { dx in
                    for c in 0..<width {
                        let factor = gamma.value[0, c] * inverseStandardDeviation[0, c] / n
                        let (sumG, sumGXHat) = (beta.gradient[0, c], gamma.gradient[0, c])
                        for r in 0..<batch {
                            let i = r * width + c
                            dx[i] = factor * (n * g[i] - sumG - xHat[i] * sumGXHat)
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}

extension BatchNormalization: LayerKind {
    static let kerasClassName = "BatchNormalization"

    static func make(_ settings: LayerSettings) throws -> BatchNormalization {
        let momentum = try settings.float("momentum", default: 0.99)
        let epsilon = try settings.float("epsilon", default: 1e-3)
        guard momentum >= 0 && momentum <= 1 && epsilon > 0 else {
            throw NNKitError.invalidArgument(
                "BatchNormalization needs momentum in [0, 1] and a positive epsilon, "
                    + "got \(momentum) and \(epsilon).")
        }
        return BatchNormalization(momentum: momentum, epsilon: epsilon)
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        let inputs = try input.flat()
        // γ, β and the moving mean and variance per feature; the normalized values are kept.
        return LayerFootprint(
            parameters: try input.weights([inputs, 4]), outputShape: [inputs], outputValues: inputs,
            inferenceValues: inputs, trainingValues: try input.product(3, inputs))
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        let lastAxis: [JSONValue] = [.number(-1), .number(1), .array([.number(-1)]), .array([.number(1)])]
        if let axis = options["axis"], !axis.isNull, !lastAxis.contains(axis) {
            throw ConfigProblem(
                "\(options.label) normalizes over axis \(axis.text); NNKit normalizes flat features "
                    + "(axis -1)")
        }
        try options.flag("center", is: true, "NNKit's BatchNormalization always has beta (center)")
        try options.flag("scale", is: true, "NNKit's BatchNormalization always has gamma (scale)")
        try options.flag("renorm", is: false, "NNKit's BatchNormalization has no batch renormalization")
        try options.absent(
            ["beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"],
            "NNKit's BatchNormalization has no such option")
        return LayerConfiguration(
            type: kerasClassName,
            [
                ("momentum", .float(try options.number("momentum", default: 0.99))),
                ("epsilon", .float(try options.number("epsilon", default: 1e-3))),
            ])
    }

    var kerasOptions: [(String, JSONValue)] {
        [
            ("axis", .number(-1)), ("momentum", .float(momentum)), ("epsilon", .float(epsilon)),
            ("center", .bool(true)),
            ("scale", .bool(true)), ("beta_initializer", KerasJSON.initializer(.zeros)),
            ("gamma_initializer", KerasJSON.initializer(.ones)),
            ("moving_mean_initializer", KerasJSON.initializer(.zeros)),
            ("moving_variance_initializer", KerasJSON.initializer(.ones)), ("beta_regularizer", .null),
            ("gamma_regularizer", .null), ("beta_constraint", .null), ("gamma_constraint", .null),
            ("synchronized", .bool(false)),
        ]
    }
}
