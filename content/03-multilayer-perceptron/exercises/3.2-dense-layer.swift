import NNKit

/// Exercise 3.2 · A layer, forward and backward
///
/// A Dense layer without its activation computes, for a batch of inputs,
///
///     output = input · kernel + bias       (batch, inputs) · (inputs, units) + (1, units)
///
/// and backpropagation asks three things of it, given ∂L/∂output (batch, units):
///
///     kernel.gradient = inputᵀ · ∂L/∂output             (inputs, units)
///     bias.gradient   = ∂L/∂output summed over the batch (1, units)
///     return            ∂L/∂output · kernelᵀ             (batch, inputs), for the layer below
///
/// Fill in `forward` and `backward`. The grader compares them with NNKit's Dense and with
/// finite differences, then trains XOR with two of your layers and tanh/sigmoid between them.
///
/// NNKit's Matrix has what you need: `a.matmul(b)`, `a.transposed()`, `a.columnSums()`, and
/// `a.addRowToEachRow(row)` (mutating) or `a + row` to add a one-row matrix to every row.
final class LinearLayer: Layer {
    let units: Int
    var name = "linear_layer"
    let kernel = Parameter(name: "kernel", value: Matrix(rows: 0, columns: 0))
    let bias = Parameter(name: "bias", value: Matrix(rows: 0, columns: 0))
    /// The last input, kept by `forward` for `backward`.
    private var input = Matrix(rows: 0, columns: 0)

    init(units: Int) {
        self.units = units
    }

    func forward(_ input: Matrix, training: Bool) -> Matrix {
        self.input = input
        // TODO: return input · kernel + bias.
        return Matrix(rows: input.rows, columns: units)
    }

    func backward(_ outputGradient: Matrix) -> Matrix {
        // TODO: set kernel.gradient and bias.gradient, then return ∂L/∂input.
        return Matrix(rows: outputGradient.rows, columns: input.columns)
    }

    // Given: the rest of what NNKit's Layer protocol asks for.
    var typeName: String { "LinearLayer" }
    var outputSize: Int { units }
    var parameters: [Parameter] { [kernel, bias] }
    var configuration: LayerConfiguration { LayerConfiguration(type: typeName, [("units", .int(units))]) }

    func build(inputSize: Int, generator: inout RandomGenerator) {
        kernel.value = Initializer.glorotUniform.matrix(fanIn: inputSize, fanOut: units, rows: inputSize,
                                                        columns: units, generator: &generator)
        bias.value = Matrix(rows: 1, columns: units)
    }
}
