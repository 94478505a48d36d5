import Testing

@testable import NNKit

/// NNKit's fast paths (im2col and Winograd products, vectorized pooling, Adam in C, activations
/// over whole batches) against `Reference`, the same formulas as plain loops, on shapes drawn at
/// random from a fixed seed. Both sum the same terms in different orders, so they agree up to
/// float32 rounding, measured against the largest value.
@Suite("Fast paths agree with the plain reference")
struct ReferenceTests {
    /// How far float32 sums in another order may land, relative to the largest magnitude.
    static let tolerance: Float = 2e-5

    static func expectClose(
        _ actual: [Float], _ expected: [Float], _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            actual.count == expected.count, "\(label): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
        let scale = max(expected.map(abs).max() ?? 0, 1e-6)
        let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
        #expect(
            worst <= tolerance * scale, "\(label): differs by up to \(worst), largest value \(scale)",
            sourceLocation: sourceLocation)
    }

    static func random(_ count: Int, _ generator: inout RandomGenerator) -> [Float] {
        (0..<count).map { _ in generator.nextNormal() }
    }

    /// A convolution's settings drawn from `seed`: sizes from 1 to 9, kernels from 1 to 4,
    /// strides 1 or 2, both paddings; every fourth one shaped for Winograd (3 × 3, stride 1,
    /// 8 channels or more).
    struct ConvolutionCase: CustomTestStringConvertible, Sendable {
        var seed: UInt64
        var batch: Int, shape: Reference.ImageShape, filters: Int
        var kernelSize: Size2D, strides: Size2D, padding: Padding

        init(seed: UInt64) {
            var g = RandomGenerator(seed: seed)
            func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(g.nextBelow(UInt64(range.count))) }
            self.seed = seed
            let winogradShaped = seed % 4 == 0
            batch = draw(1...3)
            shape = Reference.ImageShape(
                height: draw(winogradShaped ? 2...9 : 1...9), width: draw(1...9),
                channels: winogradShaped ? draw(8...12) : draw(1...5))
            filters = draw(1...6)
            kernelSize = winogradShaped ? 3 : Size2D(draw(1...4), draw(1...4))
            strides = winogradShaped ? 1 : Size2D(draw(1...2), draw(1...2))
            padding = draw(0...1) == 0 ? .valid : .same
            if padding == .valid {
                // A valid window must fit the image.
                shape.height = max(shape.height, kernelSize.height)
                shape.width = max(shape.width, kernelSize.width)
            }
        }

        var testDescription: String {
            "\(batch) × \(shape.height)×\(shape.width)×\(shape.channels), \(filters) filters of \(kernelSize), "
                + "stride \(strides), \(padding)"
        }
    }

    @Test(
        "Conv2D forward and backward, with each method it allows, against the direct sum",
        arguments: (1...24).map { ConvolutionCase(seed: UInt64($0)) })
    func convolution(_ c: ConvolutionCase) throws {
        let layer = Conv2D(filters: c.filters, kernelSize: c.kernelSize, strides: c.strides, padding: c.padding)
        var generator = RandomGenerator(seed: c.seed)
        layer.build(inputShape: [c.shape.height, c.shape.width, c.shape.channels], generator: &generator)
        layer.kernel.value = Matrix(
            rows: layer.kernel.value.rows, columns: c.filters,
            scalars: Self.random(layer.kernel.value.count, &generator))
        layer.bias.value = Matrix(row: Self.random(c.filters, &generator))
        let input = Self.random(c.batch * c.shape.count, &generator)
        let (expected, outputShape) = Reference.conv2D(
            input, batch: c.batch, shape: c.shape,
            kernel: layer.kernel.value.scalars, kernelSize: c.kernelSize,
            filters: c.filters, bias: layer.bias.value.scalars,
            strides: c.strides, padding: c.padding)
        #expect(layer.outputShape == [outputShape.height, outputShape.width, outputShape.channels])
        let upstream = Self.random(expected.count, &generator)
        let gradients = Reference.conv2DBackward(
            input, batch: c.batch, shape: c.shape, kernel: layer.kernel.value.scalars,
            kernelSize: c.kernelSize, filters: c.filters, outputGradient: upstream,
            strides: c.strides, padding: c.padding)
        let methods: [ConvolutionMethod] = layer.allowsWinograd ? [.unfolding, .winograd] : [.unfolding]
        if c.seed % 4 == 0 { #expect(layer.allowsWinograd, "a Winograd-shaped case must try Winograd") }
        for method in methods {
            layer.method = method
            let label = "\(c.testDescription), \(method)"
            let output = layer.forward(Matrix(rows: c.batch, columns: c.shape.count, scalars: input), training: true)
            Self.expectClose(output.scalars, expected, "\(label): output")
            let inputGradient = layer.backward(
                Matrix(rows: c.batch, columns: expected.count / c.batch, scalars: upstream))
            Self.expectClose(inputGradient.scalars, gradients.input, "\(label): input gradient")
            Self.expectClose(layer.kernel.gradient.scalars, gradients.kernel, "\(label): kernel gradient")
            Self.expectClose(layer.bias.gradient.scalars, gradients.bias, "\(label): bias gradient")
        }
    }

    @Test(
        "MaxPooling2D forward and backward against the plain maximum over each window",
        arguments: [
            (2, [6, 6, 3], Size2D(2, 2), Size2D(2, 2), Padding.valid),
            (3, [7, 5, 2], 2, 2, .valid), (3, [7, 5, 2], 2, 2, .same),
            (1, [9, 9, 4], 3, 2, .same), (2, [5, 8, 1], Size2D(2, 3), 1, .valid),
            (2, [28, 28, 8], 2, 2, .valid), (1, [3, 3, 5], 3, 3, .same),
        ])
    func pooling(batch: Int, shape: [Int], poolSize: Size2D, strides: Size2D, padding: Padding) {
        let layer = MaxPooling2D(poolSize: poolSize, strides: strides, padding: padding)
        var generator = RandomGenerator(seed: UInt64(batch * 1000 + shape.reduce(0, +)))
        layer.build(inputShape: shape, generator: &generator)
        let image = Reference.ImageShape(height: shape[0], width: shape[1], channels: shape[2])
        let input = Self.random(batch * image.count, &generator)
        let (expected, _) = Reference.maxPooling2D(
            input, batch: batch, shape: image, poolSize: poolSize,
            strides: strides, padding: padding)
        let label = "\(shape), pool \(poolSize), stride \(strides), \(padding)"
        let output = layer.forward(Matrix(rows: batch, columns: image.count, scalars: input), training: true)
        Self.expectClose(output.scalars, expected, "\(label): output")
        let upstream = Self.random(expected.count, &generator)
        let inputGradient = layer.backward(Matrix(rows: batch, columns: expected.count / batch, scalars: upstream))
        Self.expectClose(
            inputGradient.scalars,
            Reference.maxPooling2DBackward(
                input, batch: batch, shape: image, poolSize: poolSize, strides: strides, padding: padding,
                outputGradient: upstream), "\(label): input gradient")
    }

    @Test(
        "Adam's vectorized update, on one core and split between two, against the formula",
        arguments: [7, 40_000])
    func adam(weights count: Int) {
        var generator = RandomGenerator(seed: UInt64(count))
        let parameter = Parameter(name: "w", value: Matrix(row: Self.random(count, &generator)))
        var expected = parameter.value.scalars
        var states = [Reference.AdamState](repeating: .init(), count: count)
        let optimizer = Adam(learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6)
        for t in 1...5 {
            let gradient = Self.random(count, &generator)
            parameter.gradient = Matrix(row: gradient)
            optimizer.step([parameter])
            for i in 0..<count {
                Reference.adamStep(
                    weight: &expected[i], gradient: gradient[i], state: &states[i], t: t,
                    learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6)
            }
            Self.expectClose(parameter.value.scalars, expected, "\(count) weights, step \(t)")
        }
    }

    @Test("Each activation and its gradient against the formula", arguments: ActivationFunction.allCases)
    func activation(_ function: ActivationFunction) {
        var generator = RandomGenerator(seed: 3)
        let (rows, width) = (4, 7)
        let z = Self.random(rows * width, &generator).map { $0 * 3 }
        var output = Matrix(rows: 0, columns: 0)
        function.apply(Matrix(rows: rows, columns: width, scalars: z), into: &output)
        let expected = Reference.activation(function, z, width: width)
        Self.expectClose(output.scalars, expected, "\(function)")
        let upstream = Self.random(rows * width, &generator)
        var gradient = Matrix(rows: 0, columns: 0)
        function.backward(
            output: output, outputGradient: Matrix(rows: rows, columns: width, scalars: upstream),
            into: &gradient)
        Self.expectClose(
            gradient.scalars,
            Reference.activationBackward(
                function, output: expected,
                outputGradient: upstream, width: width),
            "\(function) gradient")
    }
}
