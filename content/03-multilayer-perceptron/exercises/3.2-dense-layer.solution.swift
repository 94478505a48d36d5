/// Exercise 3.2 · A layer, forward and backward (reference solution)
import NNKit

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
        return input.matmul(kernel.value) + bias.value
    }

    func backward(_ outputGradient: Matrix) -> Matrix {
        kernel.gradient = input.transposed().matmul(outputGradient)
        bias.gradient = outputGradient.columnSums()
        return outputGradient.matmul(kernel.value.transposed())
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
