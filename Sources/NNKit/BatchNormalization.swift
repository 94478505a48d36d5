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
        let width = size
        output.reshapeForReuse(rows: batch, columns: width)
        if !training {
            let gamma = gamma.value.scalars, beta = beta.value.scalars
            let mean = movingMean.value.scalars, variance = movingVariance.value.scalars
            let epsilon = epsilon
            input.scalars.withUnsafeBufferPointer { x in
                output.scalars.withUnsafeMutableBufferPointer { y in
                    for c in 0 ..< width {
                        let scale = gamma[c] / (variance[c] + epsilon).squareRoot()
                        let shift = beta[c] - mean[c] * scale
                        for r in 0 ..< batch { y[r * width + c] = x[r * width + c] * scale + shift }
                    }
                }
            }
            return output
        }
        precondition(batch > 0, "\(name) (BatchNormalization) cannot normalize an empty batch.")
        normalized.reshapeForReuse(rows: batch, columns: width)
        if inverseStandardDeviation.count != width {
            inverseStandardDeviation = [Float](repeating: 0, count: width)
        }
        let (momentum, epsilon) = (self.momentum, self.epsilon)
        input.scalars.withUnsafeBufferPointer { x in
            output.scalars.withUnsafeMutableBufferPointer { y in
                normalized.scalars.withUnsafeMutableBufferPointer { xHat in
                    inverseStandardDeviation.withUnsafeMutableBufferPointer { inverses in
                        gamma.value.scalars.withUnsafeBufferPointer { gamma in
                            beta.value.scalars.withUnsafeBufferPointer { beta in
                                movingMean.value.scalars.withUnsafeMutableBufferPointer { movingMean in
                                    movingVariance.value.scalars.withUnsafeMutableBufferPointer { movingVariance in
                                        for c in 0 ..< width {
                                            var mean: Float = 0
                                            for r in 0 ..< batch { mean += x[r * width + c] }
                                            mean /= Float(batch)
                                            var variance: Float = 0
                                            for r in 0 ..< batch {
                                                let deviation = x[r * width + c] - mean
                                                variance += deviation * deviation
                                            }
                                            variance /= Float(batch)
                                            let inverse = 1 / (variance + epsilon).squareRoot()
                                            inverses[c] = inverse
                                            for r in 0 ..< batch {
                                                let value = (x[r * width + c] - mean) * inverse
                                                xHat[r * width + c] = value
                                                y[r * width + c] = gamma[c] * value + beta[c]
                                            }
                                            movingMean[c] = movingMean[c] * momentum + mean * (1 - momentum)
                                            movingVariance[c] = movingVariance[c] * momentum + variance * (1 - momentum)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        let batch = outputGradient.rows
        let width = size
        precondition(normalized.rows == batch && outputGradient.columns == width,
                     "\(name) (BatchNormalization): backward needs a training forward pass on the same batch first.")
        inputGradient.reshapeForReuse(rows: batch, columns: width)
        let n = Float(batch)
        outputGradient.scalars.withUnsafeBufferPointer { g in
            normalized.scalars.withUnsafeBufferPointer { xHat in
                inputGradient.scalars.withUnsafeMutableBufferPointer { dx in
                    inverseStandardDeviation.withUnsafeBufferPointer { inverses in
                        gamma.value.scalars.withUnsafeBufferPointer { gammaValue in
                            gamma.gradient.scalars.withUnsafeMutableBufferPointer { gammaGradient in
                                beta.gradient.scalars.withUnsafeMutableBufferPointer { betaGradient in
                                    for c in 0 ..< width {
                                        // Σ g and Σ g·x̂ over the batch give β's and γ's gradients, and
                                        // with them the input's: ∂x = γ/(N·σ) · (N·g − Σ g − x̂ · Σ g·x̂).
                                        var sumGradient: Float = 0
                                        var sumGradientNormalized: Float = 0
                                        for r in 0 ..< batch {
                                            sumGradient += g[r * width + c]
                                            sumGradientNormalized += g[r * width + c] * xHat[r * width + c]
                                        }
                                        betaGradient[c] = sumGradient
                                        gammaGradient[c] = sumGradientNormalized
                                        let factor = gammaValue[c] * inverses[c] / n
                                        for r in 0 ..< batch {
                                            dx[r * width + c] = factor * (n * g[r * width + c] - sumGradient
                                                                          - xHat[r * width + c] * sumGradientNormalized)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}
