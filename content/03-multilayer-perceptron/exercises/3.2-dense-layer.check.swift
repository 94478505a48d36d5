import ExerciseKit

@main
enum DenseLayerCheck: ExerciseCheck {
    static func run() throws {
        // Forward on hand-worked numbers: [1 2] · [[1 0 −1], [2 1 0]] + [0.5 0 0] = [5.5 2 −1].
        let layer = LinearLayer(units: 3)
        var generator = RandomGenerator(seed: 7)
        layer.build(inputSize: 2, generator: &generator)
        layer.kernel.value = Matrix([[1, 0, -1], [2, 1, 0]])
        layer.bias.value = Matrix(row: [0.5, 0, 0])
        ExerciseKit.expectClose(layer.forward(Matrix([[1, 2]]), training: true), Matrix([[5.5, 2, -1]]),
                    given: "forward([[1, 2]]) with kernel [[1, 0, -1], [2, 1, 0]] and bias [0.5, 0, 0]")

        // Against NNKit's Dense with the same weights, on a batch of 4.
        let reference = Dense(units: 3)
        var referenceGenerator = RandomGenerator(seed: 7)
        reference.build(inputSize: 5, generator: &referenceGenerator)
        let yours = LinearLayer(units: 3)
        yours.build(inputSize: 5, generator: &generator)
        yours.kernel.value = reference.kernel.value
        yours.bias.value = Matrix(row: [0.1, -0.2, 0.3])
        reference.bias.value = yours.bias.value
        var random = RandomGenerator(seed: 11)
        let x = Matrix(rows: 4, columns: 5, scalars: (0 ..< 20).map { _ in random.nextNormal() })
        let upstream = Matrix(rows: 4, columns: 3, scalars: (0 ..< 12).map { _ in random.nextNormal() })
        ExerciseKit.expectClose(yours.forward(x, training: true), reference.forward(x, training: true),
                    given: "forward on a batch of 4 × 5, beside NNKit's Dense")
        let inputGradient = yours.backward(upstream)
        let referenceGradient = reference.backward(upstream)
        ExerciseKit.expectClose(yours.kernel.gradient, reference.kernel.gradient,
                    given: "kernel.gradient after backward on a batch of 4, beside NNKit's Dense")
        ExerciseKit.expectClose(yours.bias.gradient, reference.bias.gradient,
                    given: "bias.gradient after backward on a batch of 4 (a 1 × 3 row), beside NNKit's Dense")
        ExerciseKit.expectClose(inputGradient, referenceGradient,
                    given: "the input gradient backward returns, beside NNKit's Dense")

        // A finite difference on one kernel weight: L = Σ output ⊙ upstream.
        let h: Float = 1e-2
        let original = yours.kernel.value[2, 1]
        yours.kernel.value[2, 1] = original + h
        let plus = (yours.forward(x, training: true) * upstream).sum()
        yours.kernel.value[2, 1] = original - h
        let minus = (yours.forward(x, training: true) * upstream).sum()
        yours.kernel.value[2, 1] = original
        ExerciseKit.expectClose(yours.kernel.gradient[2, 1], (plus - minus) / (2 * h),
                    tolerance: 1e-2, given: "kernel.gradient[2, 1] against a finite difference")

        // Your layers train XOR.
        let model = Sequential(inputSize: 2, [LinearLayer(units: 8), Activation(.tanh),
                                              LinearLayer(units: 1), Activation(.sigmoid)], seed: 1)
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy, metrics: [.accuracy])
        let inputs = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
        let targets = Matrix(column: [0, 1, 1, 0])
        let history = try model.fit(inputs, targets, epochs: 300, batchSize: 4, verbose: .silent)
        let outputs = model.predict(inputs).scalars
        ExerciseKit.expect(history[.accuracy].last == 1, given: "training XOR with your layers: 2 → 8 (tanh) → 1 (sigmoid), Adam, 300 epochs",
               expected: "accuracy 1.0", got: "accuracy \(history[.accuracy].last ?? 0), outputs \(outputs)")
    }
}
