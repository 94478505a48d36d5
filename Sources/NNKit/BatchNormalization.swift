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
    private var size = 0

    public let gamma = Parameter(name: "gamma", value: Matrix(rows: 0, columns: 0))
    public let beta = Parameter(name: "beta", value: Matrix(rows: 0, columns: 0))
    public let movingMean = Parameter(name: "moving_mean", value: Matrix(rows: 0, columns: 0),
                                      isTrainable: false)
    public let movingVariance = Parameter(name: "moving_variance",
                                          value: Matrix(rows: 0, columns: 0), isTrainable: false)

    private var normalized = Matrix(rows: 0, columns: 0)
    private var inverseStandardDeviation = [Float]()
    private var output = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)

    public init(momentum: Float = 0.99, epsilon: Float = 1e-3) {
        precondition(momentum >= 0 && momentum <= 1,
                     "BatchNormalization's momentum must be in [0, 1], got \(momentum).")
        precondition(epsilon > 0, "BatchNormalization's epsilon must be positive, got \(epsilon).")
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var typeName: String { "BatchNormalization" }
    public var outputSize: Int { size }
    public var parameters: [Parameter] { [gamma, beta, movingMean, movingVariance] }

    public var configuration: LayerConfiguration {
        LayerConfiguration(type: typeName, [("momentum", .float(momentum)),
                                            ("epsilon", .float(epsilon))])
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

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(input.columns == size,
                     "\(name) (BatchNormalization) expected \(size) input features, got \(input.columns).")
        let batch = input.rows
        output.reshapeForReuse(rows: batch, columns: size)
        if !training {
            for c in 0 ..< size {
                let scale = gamma.value.scalars[c]
                    / (movingVariance.value.scalars[c] + epsilon).squareRoot()
                let shift = beta.value.scalars[c] - movingMean.value.scalars[c] * scale
                for r in 0 ..< batch {
                    output.scalars[r * size + c] = input.scalars[r * size + c] * scale + shift
                }
            }
            return output
        }
        precondition(batch > 0, "\(name) (BatchNormalization) cannot normalize an empty batch.")
        normalized.reshapeForReuse(rows: batch, columns: size)
        inverseStandardDeviation = [Float](repeating: 0, count: size)
        for c in 0 ..< size {
            var mean: Float = 0
            for r in 0 ..< batch { mean += input.scalars[r * size + c] }
            mean /= Float(batch)
            var variance: Float = 0
            for r in 0 ..< batch {
                let deviation = input.scalars[r * size + c] - mean
                variance += deviation * deviation
            }
            variance /= Float(batch)
            let inverse = 1 / (variance + epsilon).squareRoot()
            inverseStandardDeviation[c] = inverse
            for r in 0 ..< batch {
                let xHat = (input.scalars[r * size + c] - mean) * inverse
                normalized.scalars[r * size + c] = xHat
                output.scalars[r * size + c] = gamma.value.scalars[c] * xHat + beta.value.scalars[c]
            }
            movingMean.value.scalars[c] = movingMean.value.scalars[c] * momentum
                + mean * (1 - momentum)
            movingVariance.value.scalars[c] = movingVariance.value.scalars[c] * momentum
                + variance * (1 - momentum)
        }
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        let batch = outputGradient.rows
        precondition(normalized.rows == batch && outputGradient.columns == size,
                     "\(name) (BatchNormalization): backward needs a training forward pass on the same batch first.")
        inputGradient.reshapeForReuse(rows: batch, columns: size)
        let n = Float(batch)
        for c in 0 ..< size {
            // Σ g and Σ g·x̂ over the batch give β's and γ's gradients, and with them the input's:
            // ∂x = γ/(N·σ) · (N·g − Σ g − x̂ · Σ g·x̂).
            var sumGradient: Float = 0
            var sumGradientNormalized: Float = 0
            for r in 0 ..< batch {
                let g = outputGradient.scalars[r * size + c]
                sumGradient += g
                sumGradientNormalized += g * normalized.scalars[r * size + c]
            }
            beta.gradient.scalars[c] = sumGradient
            gamma.gradient.scalars[c] = sumGradientNormalized
            let factor = gamma.value.scalars[c] * inverseStandardDeviation[c] / n
            for r in 0 ..< batch {
                let g = outputGradient.scalars[r * size + c]
                inputGradient.scalars[r * size + c] = factor
                    * (n * g - sumGradient - normalized.scalars[r * size + c] * sumGradientNormalized)
            }
        }
        return inputGradient
    }
}
