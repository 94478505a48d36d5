import ExerciseKit

@main
enum BackpropagationCheck: ExerciseCheck {
    static func run() throws {
        let x: [[Float]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let y: [Float] = [0, 1, 1, 0]
        let w1: [[Float]] = [[0.5, -0.4], [0.3, 0.8]]
        let b1: [Float] = [0.1, -0.2]
        let w2: [[Float]] = [[0.7], [-0.6]]
        let b2: [Float] = [0.05]
        let yours = backpropagate(x: x, y: y, w1: w1, b1: b1, w2: w2, b2: b2)

        // NNKit's network with the same weights: Dense(2, sigmoid) → Dense(1, sigmoid), MSE.
        let model = Sequential(inputSize: 2, [Dense(units: 2, activation: .sigmoid), Dense(units: 1, activation: .sigmoid)])
        try model.setWeights(["0.kernel": Matrix(w1), "0.bias": Matrix(row: b1), "1.kernel": Matrix(w2), "1.bias": Matrix(row: b2)])
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        try model.computeGradients(Matrix(x), Matrix(column: y))
        let gradients = model.parameters.map(\.gradient)
        ExerciseKit.expectClose(Matrix(yours.w2), gradients[2], given: "∂L/∂W2 for the weights in the check, beside NNKit's")
        ExerciseKit.expectClose(yours.b2, gradients[3].scalars, given: "∂L/∂b2, beside NNKit's")
        ExerciseKit.expectClose(Matrix(yours.w1), gradients[0], given: "∂L/∂W1 (carried back through the hidden layer), beside NNKit's")
        ExerciseKit.expectClose(yours.b1, gradients[1].scalars, given: "∂L/∂b1, beside NNKit's")

        // And one weight of each layer against a finite difference of the loss.
        func loss(_ w1: [[Float]], _ w2: [[Float]]) -> Float {
            let probe = Sequential(inputSize: 2, [Dense(units: 2, activation: .sigmoid), Dense(units: 1, activation: .sigmoid)])
            try? probe.setWeights(["0.kernel": Matrix(w1), "0.bias": Matrix(row: b1), "1.kernel": Matrix(w2), "1.bias": Matrix(row: b2)])
            probe.compile(optimizer: SGD(), loss: .meanSquaredError)
            return (try? probe.evaluate(Matrix(x), Matrix(column: y)))?[.loss] ?? .nan
        }
        let h: Float = 1e-2
        var up = w1, down = w1
        up[1][0] += h
        down[1][0] -= h
        ExerciseKit.expectClose(yours.w1[1][0], (loss(up, w2) - loss(down, w2)) / (2 * h), tolerance: 1e-2,
                                given: "∂L/∂W1[1][0] (input 1 to hidden unit 0, counting from 0) against a finite difference")
        var up2 = w2, down2 = w2
        up2[1][0] += h
        down2[1][0] -= h
        ExerciseKit.expectClose(yours.w2[1][0], (loss(w1, up2) - loss(w1, down2)) / (2 * h), tolerance: 1e-2,
                                given: "∂L/∂W2[1][0] (hidden unit 1 to the output) against a finite difference")
    }
}
