import ExerciseKit

@main
enum TrainableUpdateCheck: ExerciseCheck {
    static func run() throws {
        var w: [[Float]] = [[1, 2], [3]]
        sgdStep(&w, gradients: [[10, 10], [1]], trainable: [false, true], learningRate: 0.5)
        ExerciseKit.expectClose(w[1], [2.5], given: "the trainable second parameter [3] with gradient [1], rate 0.5: 3 − 0.5 · 1")
        ExerciseKit.expectClose(w[0], [1, 2], given: "the frozen first parameter [1, 2] with gradient [10, 10]")

        var stale: [[Float]] = [[0.25, -0.5], [4]]
        sgdStep(&stale, gradients: [[.nan, .infinity], [2]], trainable: [false, true], learningRate: 0.1)
        ExerciseKit.expect(stale[0] == [0.25, -0.5], given: "a frozen parameter [0.25, -0.5] whose gradient is [nan, inf]",
                           expected: "[0.25, -0.5], exactly as it was", got: "\(stale[0])")
        ExerciseKit.expectClose(stale[1], [3.8], given: "the trainable parameter beside it, [4] with gradient [2], rate 0.1")

        var all: [[Float]] = [[1], [1]]
        sgdStep(&all, gradients: [[1], [1]], trainable: [false, false], learningRate: 1)
        ExerciseKit.expectClose(all.flatMap { $0 }, [1, 1], given: "every parameter frozen")

        // Beside NNKit: a network with its first layer frozen, one SGD step on a batch, the
        // frozen layer's gradients filled with garbage first.
        var generator = RandomGenerator(seed: 7)
        let model = Sequential(inputSize: 3, [
            Dense(units: 4, activation: .relu),
            Dense(units: 3, activation: .tanh),
            Dense(units: 2, activation: .softmax),
        ], seed: 13)
        model.layers[0].isTrainable = false
        let rate: Float = 0.1
        model.compile(optimizer: SGD(learningRate: rate), loss: .sparseCategoricalCrossentropy)
        let x = Matrix(rows: 8, columns: 3, scalars: (0 ..< 24).map { _ in generator.nextNormal() })
        let y = Matrix(column: (0 ..< 8).map { Float($0 % 2) })
        for parameter in model.layers[0].parameters {
            parameter.gradient = Matrix(rows: parameter.value.rows, columns: parameter.value.columns, repeating: .nan)
        }
        try model.computeGradients(x, y)
        let parameters = model.parameters
        var weights = parameters.map(\.value.scalars)
        let gradients = parameters.map(\.gradient.scalars)
        let trainable = parameters.map { parameter in model.trainableParameters.contains { $0 === parameter } }
        let optimizer = SGD(learningRate: rate)
        optimizer.step(model.compiledTrainableParameters)
        sgdStep(&weights, gradients: gradients, trainable: trainable, learningRate: rate)
        for (index, parameter) in parameters.enumerated() {
            ExerciseKit.expectClose(weights[index], parameter.value.scalars, tolerance: 1e-6,
                                    given: "one SGD(\(rate)) step on a 3-4-3-2 network with its first layer frozen, "
                                        + "parameter \(index) (\(parameter.name) of layer \(index / 2)), beside NNKit's SGD")
        }
    }
}
