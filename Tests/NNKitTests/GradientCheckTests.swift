import Testing

@testable import NNKit

/// Finite differences against every analytic gradient: for a layer, the scalar objective
/// `L = Σ output ⊙ R` with a fixed random `R` (so `∂L/∂output = R`); for a loss, the loss itself.
@Suite("Gradients agree with finite differences")
struct GradientCheckTests {
    /// Central differences in float32 with this step; agreement to this relative tolerance.
    static let step: Float = 1e-2
    static let tolerance: Float = 2e-2
    static let absoluteTolerance: Float = 2e-3

    static func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64, scale: Float = 1) -> Matrix {
        var generator = RandomGenerator(seed: seed)
        return Matrix(
            rows: rows, columns: columns,
            scalars: (0..<rows * columns).map { _ in generator.nextNormal() * scale })
    }

    /// Checks `layer`'s input gradient and each trainable parameter's gradient.
    static func check(_ layer: any Layer, input: Matrix, label: String) {
        let upstream = randomMatrix(input.rows, layer.outputSize, seed: 99)
        func objective(_ x: Matrix) -> Float {
            (layer.forward(x, training: true) * upstream).sum()
        }
        _ = layer.forward(input, training: true)
        let inputGradient = layer.backward(upstream)
        let parameterGradients = layer.parameters.filter(\.isTrainable).map(\.gradient)

        var x = input
        for i in x.scalars.indices {
            let original = x.scalars[i]
            x.scalars[i] = original + step
            let plus = objective(x)
            x.scalars[i] = original - step
            let minus = objective(x)
            x.scalars[i] = original
            let numeric = (plus - minus) / (2 * step)
            #expect(
                GoldenFiles.isClose(
                    inputGradient.scalars[i], numeric, relative: tolerance,
                    absolute: absoluteTolerance),
                "\(label): ∂L/∂input[\(i)] is \(inputGradient.scalars[i]), finite difference \(numeric)")
        }
        for (parameter, analytic) in zip(layer.parameters.filter(\.isTrainable), parameterGradients) {
            for i in parameter.value.scalars.indices {
                let original = parameter.value.scalars[i]
                parameter.value.scalars[i] = original + step
                let plus = objective(input)
                parameter.value.scalars[i] = original - step
                let minus = objective(input)
                parameter.value.scalars[i] = original
                let numeric = (plus - minus) / (2 * step)
                #expect(
                    GoldenFiles.isClose(
                        analytic.scalars[i], numeric, relative: tolerance,
                        absolute: absoluteTolerance),
                    "\(label): ∂L/∂\(parameter.name)[\(i)] is \(analytic.scalars[i]), finite difference \(numeric)")
            }
        }
    }

    @Test("Dense, for every activation", arguments: ActivationFunction.allCases)
    func dense(activation: ActivationFunction) throws {
        let layer = Dense(units: 3, activation: activation)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputSize: 4, generator: &generator)
        layer.bias.value = GradientCheckTests.randomMatrix(1, 3, seed: 2, scale: 0.1)
        let input = GradientCheckTests.randomMatrix(5, 4, seed: 3)
        // Finite differences across relu's kink are meaningless: require pre-activations well
        // clear of zero (a step moves them by at most step · max|x| ≈ 0.03 here).
        let preactivation = input.matmul(layer.kernel.value) + layer.bias.value
        try #require(preactivation.scalars.allSatisfy { abs($0) > 0.1 })
        GradientCheckTests.check(layer, input: input, label: "Dense(\(activation))")
    }

    @Test("Activation layer, for every function", arguments: ActivationFunction.allCases)
    func activation(function: ActivationFunction) {
        let layer = Activation(function)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputSize: 4, generator: &generator)
        var input = GradientCheckTests.randomMatrix(3, 4, seed: 4)
        if function == .relu { // keep clear of the kink at 0
            input = input.map { $0 >= 0 ? $0 + 0.1 : $0 - 0.1 }
        }
        GradientCheckTests.check(layer, input: input, label: "Activation(\(function))")
    }

    @Test("BatchNormalization in training mode")
    func batchNormalization() {
        let layer = BatchNormalization()
        var generator = RandomGenerator(seed: 1)
        layer.build(inputSize: 3, generator: &generator)
        layer.gamma.value = GradientCheckTests.randomMatrix(1, 3, seed: 5)
        layer.beta.value = GradientCheckTests.randomMatrix(1, 3, seed: 6)
        GradientCheckTests.check(
            layer, input: GradientCheckTests.randomMatrix(6, 3, seed: 7, scale: 2),
            label: "BatchNormalization")
    }

    @Test("Dropout passes the gradient through its mask")
    func dropout() {
        let layer = Dropout(rate: 0.5)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputSize: 50, generator: &generator)
        let input = GradientCheckTests.randomMatrix(4, 50, seed: 8)
        let output = layer.forward(input, training: true)
        #expect(output == input * layer.mask)
        let upstream = GradientCheckTests.randomMatrix(4, 50, seed: 9)
        #expect(layer.backward(upstream) == upstream * layer.mask)
    }

    @Test(
        "Conv2D, valid and same padding, with strides",
        arguments: [
            (Size2D(3, 3), Size2D(1, 1), Padding.valid), (Size2D(3, 2), Size2D(2, 2), .same),
            (Size2D(2, 3), Size2D(1, 2), .same),
        ])
    func convolution(kernelSize: Size2D, strides: Size2D, padding: Padding) {
        let layer = Conv2D(filters: 3, kernelSize: kernelSize, strides: strides, padding: padding, activation: .tanh)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [5, 6, 2], generator: &generator)
        layer.bias.value = GradientCheckTests.randomMatrix(1, 3, seed: 2, scale: 0.1)
        GradientCheckTests.check(
            layer, input: GradientCheckTests.randomMatrix(2, 5 * 6 * 2, seed: 3, scale: 0.5),
            label: "Conv2D(\(kernelSize), strides \(strides), \(padding))")
    }

    @Test(
        "Conv2D by Winograd's F(2 × 2, 3 × 3), valid and same padding, odd and even sizes",
        arguments: [(Padding.valid, 6, 7), (.same, 5, 6), (.same, 4, 4)])
    func winogradConvolution(padding: Padding, height: Int, width: Int) {
        let layer = Conv2D(filters: 3, kernelSize: 3, padding: padding, activation: .tanh)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [height, width, 2], generator: &generator)
        layer.method = .winograd
        layer.bias.value = GradientCheckTests.randomMatrix(1, 3, seed: 2, scale: 0.1)
        GradientCheckTests.check(
            layer, input: GradientCheckTests.randomMatrix(2, height * width * 2, seed: 3, scale: 0.5),
            label: "Conv2D(3, Winograd, \(padding), \(height) × \(width))")
    }

    @Test(
        "MaxPooling2D, with windows that overlap and windows in the padding",
        arguments: [
            (Size2D(2, 2), Size2D(2, 2), Padding.valid), (Size2D(3, 3), Size2D(2, 2), .valid),
            (Size2D(2, 2), Size2D(2, 2), .same),
        ])
    func maxPooling(poolSize: Size2D, strides: Size2D, padding: Padding) {
        let layer = MaxPooling2D(poolSize: poolSize, strides: strides, padding: padding)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [5, 5, 2], generator: &generator)
        // Distinct values 0.1 apart, so that a finite-difference step never changes a maximum.
        var order = Array(0..<100)
        var shuffler = RandomGenerator(seed: 4)
        order.shuffle(using: &shuffler)
        let input = Matrix(rows: 2, columns: 50, scalars: order.map { Float($0) * 0.1 - 5 })
        GradientCheckTests.check(
            layer, input: input, label: "MaxPooling2D(\(poolSize), strides \(strides), \(padding))")
    }

    @Test("MaxPooling2D sends a tie's gradient to the first maximum only, as TensorFlow")
    func maxPoolingTie() {
        let layer = MaxPooling2D()
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [2, 2, 1], generator: &generator)
        #expect(layer.forward(Matrix([[1, 3, 3, 0]]), training: true) == Matrix([[3]]))
        #expect(layer.backward(Matrix([[1]])) == Matrix([[0, 1, 0, 0]]))
    }

    @Test("Every loss", arguments: Losses.all.map(\.name))
    func loss(_ name: String) throws {
        let loss = try #require(Losses.named(name))
        var generator = RandomGenerator(seed: 10)
        let batch = 4
        let classes = 3
        // Predictions inside (0, 1), away from the clipping bounds, so the loss is smooth there.
        var predictions = Matrix(rows: batch, columns: classes)
        for i in predictions.scalars.indices { predictions.scalars[i] = generator.nextUniform(0.2, 0.8) }
        var targets: Matrix
        switch loss {
        case is SparseCategoricalCrossentropy:
            targets = Matrix(column: [0, 2, 1, 2])
        case is CategoricalCrossentropy:
            targets = Matrix([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]])
        case is BinaryCrossentropy:
            targets = Matrix([[1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 0]])
        default:
            targets = GradientCheckTests.randomMatrix(batch, classes, seed: 11)
        }
        var gradient = Matrix(rows: 0, columns: 0)
        _ = loss.value(predictions: predictions, targets: targets, gradient: &gradient)
        let h: Float = 1e-3
        for i in predictions.scalars.indices {
            var shifted = predictions
            shifted.scalars[i] += h
            let plus = loss.value(predictions: shifted, targets: targets)
            shifted.scalars[i] -= 2 * h
            let minus = loss.value(predictions: shifted, targets: targets)
            let numeric = (plus - minus) / (2 * h)
            #expect(
                GoldenFiles.isClose(
                    gradient.scalars[i], numeric, relative: GradientCheckTests.tolerance,
                    absolute: GradientCheckTests.absoluteTolerance),
                "\(loss): ∂L/∂p[\(i)] is \(gradient.scalars[i]), finite difference \(numeric)")
        }
    }
}
