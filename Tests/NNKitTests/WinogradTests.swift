import Testing

@testable import NNKit

/// Winograd's F(2 × 2, 3 × 3) against im2col on the same layer and the same batch: the two
/// compute the same sums in different orders, so they agree up to float32 rounding.
@Suite("Winograd convolution agrees with im2col")
struct WinogradTests {
    /// Runs forward and backward with each method on one layer, same weights and batch.
    static func compare(
        shape: [Int], filters: Int, padding: Padding, batch: Int,
        activation: ActivationFunction = .relu
    ) {
        let layer = Conv2D(filters: filters, kernelSize: 3, padding: padding, activation: activation)
        var generator = RandomGenerator(seed: 7)
        layer.build(inputShape: shape, generator: &generator)
        layer.bias.value = GradientCheckTests.randomMatrix(1, filters, seed: 8, scale: 0.1)
        let input = GradientCheckTests.randomMatrix(batch, shape.reduce(1, *), seed: 9)
        let upstream = GradientCheckTests.randomMatrix(batch, layer.outputSize, seed: 10)

        var results: [(output: Matrix, input: Matrix, kernel: Matrix, bias: Matrix)] = []
        for method in [ConvolutionMethod.unfolding, .winograd] {
            layer.method = method
            let output = layer.forward(input, training: true)
            let inputGradient = layer.backward(upstream)
            results.append((output, inputGradient, layer.kernel.gradient, layer.bias.gradient))
        }
        let label = "\(shape), \(filters) filters, \(padding), batch \(batch)"
        let (unfolded, winograd) = (results[0], results[1])
        #expect(winograd.output.rows == unfolded.output.rows && winograd.output.columns == unfolded.output.columns)
        expectClose(winograd.output, unfolded.output, "\(label): output")
        expectClose(winograd.input, unfolded.input, "\(label): input gradient")
        expectClose(winograd.kernel, unfolded.kernel, "\(label): kernel gradient")
        expectClose(winograd.bias, unfolded.bias, "\(label): bias gradient")
    }

    /// Element by element, relative to the largest magnitude in `expected` (sums of many terms
    /// of both signs: a relative test per element would be too strict where they cancel).
    static func expectClose(_ actual: Matrix, _ expected: Matrix, _ label: String) {
        #expect(actual.count == expected.count, "\(label): \(actual.count) values, expected \(expected.count)")
        let scale = max(expected.scalars.map(abs).max() ?? 0, 1e-6)
        let worst = zip(actual.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 1e-5 * scale, "\(label): differs by up to \(worst), largest value \(scale)")
    }

    @Test(
        "Same and valid padding, odd and even sizes, one image and a batch split between cores",
        arguments: [
            ([6, 6, 8], 4, Padding.same, 1), ([7, 5, 9], 5, .same, 3), ([7, 5, 9], 5, .valid, 3),
            ([14, 14, 32], 64, .same, 10), ([3, 3, 8], 2, .valid, 9), ([1, 1, 8], 3, .same, 2),
        ])
    func agrees(shape: [Int], filters: Int, padding: Padding, batch: Int) {
        WinogradTests.compare(shape: shape, filters: filters, padding: padding, batch: batch)
    }

    @Test("Softmax over a pixel's filters, as Keras's last axis")
    func softmax() {
        WinogradTests.compare(shape: [5, 5, 8], filters: 6, padding: .same, batch: 2, activation: .softmax)
    }

    @Test("A first layer skips the input's gradient, as with im2col")
    func firstLayer() {
        let layer = Conv2D(filters: 4, kernelSize: 3, padding: .same)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [6, 6, 8], generator: &generator)
        layer.computesInputGradient = false
        let input = GradientCheckTests.randomMatrix(2, 6 * 6 * 8, seed: 2)
        _ = layer.forward(input, training: true)
        let inputGradient = layer.backward(GradientCheckTests.randomMatrix(2, layer.outputSize, seed: 3))
        #expect(inputGradient.rows == 0)
        #expect(layer.kernel.gradient.scalars.contains { $0 != 0 })
    }

    @Test("Chosen for 3 × 3 kernels at stride 1 over 8 channels or more; im2col otherwise")
    func choice() {
        func method(_ kernelSize: Size2D, strides: Size2D = 1, channels: Int) -> ConvolutionMethod {
            let layer = Conv2D(filters: 2, kernelSize: kernelSize, strides: strides, padding: .same)
            var generator = RandomGenerator(seed: 1)
            layer.build(inputShape: [8, 8, channels], generator: &generator)
            return layer.method
        }
        #expect(method(3, channels: 32) == .winograd)
        #expect(method(3, channels: 8) == .winograd)
        #expect(method(3, channels: 1) == .unfolding)
        #expect(method(3, strides: 2, channels: 32) == .unfolding)
        #expect(method(Size2D(3, 2), channels: 32) == .unfolding)
        #expect(method(5, channels: 32) == .unfolding)
    }
}
