import ExerciseKit

@main
enum ShapeCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectEqual(weightMismatch(file: [[784, 100], [100]], model: [[784, 64], [64]]),
                                "tensor 0 is 784×100 in the file but 784×64 in the model",
                                given: "weightMismatch(file: [[784, 100], [100]], model: [[784, 64], [64]])")
        ExerciseKit.expectEqual(weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2], [2, 1], [1]]),
                                "the file has 2 tensors but the model has 4",
                                given: "weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2], [2, 1], [1]])")
        ExerciseKit.expectEqual(weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2]]), nil,
                                given: "weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2]]): they fit")
        ExerciseKit.expectEqual(weightMismatch(file: [[3, 2], [2], [2, 5]], model: [[3, 2], [3], [2, 5]]),
                                "tensor 1 is 2 in the file but 3 in the model",
                                given: "weightMismatch(file: [[3, 2], [2], [2, 5]], model: [[3, 2], [3], [2, 5]])")
        ExerciseKit.expectEqual(weightMismatch(file: [], model: []), nil, given: "weightMismatch(file: [], model: [])")
        ExerciseKit.expectEqual(weightMismatch(file: [[2, 3]], model: [[3, 2]]), "tensor 0 is 2×3 in the file but 3×2 in the model",
                                given: "weightMismatch(file: [[2, 3]], model: [[3, 2]]): the same count of weights, transposed")

        // The shapes of two real models: 혼공머신's and another tutorial's 784-64-32-10.
        func shapes(_ model: Sequential) -> [[Int]] { model.layers.flatMap { $0.parameters.map(\.shape) } }
        let small = Sequential(inputSize: 784, [Dense(units: 100, activation: .relu), Dropout(rate: 0.3),
                                                Dense(units: 10, activation: .softmax)], seed: 1)
        let other = Sequential(inputSize: 784, [Dense(units: 64, activation: .relu), Dense(units: 32, activation: .relu),
                                                Dense(units: 10, activation: .softmax)], seed: 1)
        ExerciseKit.expectEqual(weightMismatch(file: shapes(small), model: shapes(other)),
                                "tensor 0 is 784×100 in the file but 784×64 in the model",
                                given: "784-100-10 weights into a 784-64-32-10 model")
        ExerciseKit.expectEqual(weightMismatch(file: shapes(small), model: shapes(small)), nil, given: "784-100-10 weights into the same model")
    }
}
