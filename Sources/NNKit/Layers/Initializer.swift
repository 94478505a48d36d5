/// How a layer's weights start, with Keras's names and formulas.
public enum Initializer: Sendable, Equatable {
    /// All zeros: Keras's default for biases.
    case zeros
    /// All ones: BatchNormalization's gamma and moving variance.
    case ones
    /// Uniform in `[-limit, limit]`, `limit = sqrt(6 / (fanIn + fanOut))`: Keras's default for
    /// Dense kernels (Glorot & Bengio, 2010).
    case glorotUniform
    /// Truncated normal with `stddev = sqrt(2 / fanIn)`, redrawn beyond two standard deviations
    /// as Keras does: suited to relu layers (He et al., 2015).
    case heNormal

    /// A `fanIn × fanOut` matrix drawn from this initializer.
    public func matrix(
        fanIn: Int, fanOut: Int, rows: Int, columns: Int,
        generator: inout RandomGenerator
    ) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        switch self {
        case .zeros:
            break
        case .ones:
            result.scalars = [Float](repeating: 1, count: rows * columns)
        case .glorotUniform:
            let limit = (6 / Float(fanIn + fanOut)).squareRoot()
            for i in result.scalars.indices {
                result.scalars[i] = generator.nextUniform(-limit, limit)
            }
        case .heNormal:
            let stddev = (2 / Float(fanIn)).squareRoot()
            for i in result.scalars.indices {
                var sample: Float
                repeat { sample = generator.nextNormal() } while abs(sample) > 2
                result.scalars[i] = sample * stddev
            }
        }
        return result
    }
}
