import ExerciseKit

@main
enum TopKCheck: ExerciseCheck {
    static func run() throws {
        func indices(_ result: [(index: Int, probability: Float)]) -> [Int] { result.map(\.index) }
        ExerciseKit.expectEqual(indices(topK([0.1, 0.6, 0.3], k: 2)), [1, 2], given: "topK([0.1, 0.6, 0.3], k: 2), the classes: k of them, likeliest first")
        ExerciseKit.expectEqual(topK([0.1, 0.6, 0.3], k: 2).map(\.probability), [0.6, 0.3], given: "topK([0.1, 0.6, 0.3], k: 2), the probabilities")
        ExerciseKit.expectEqual(indices(topK([0.25, 0.25, 0.5], k: 3)), [2, 0, 1], given: "topK([0.25, 0.25, 0.5], k: 3): a tie, the lower class first")
        ExerciseKit.expectEqual(indices(topK([0.7, 0.3], k: 5)), [0, 1], given: "topK([0.7, 0.3], k: 5): only two classes")
        ExerciseKit.expectEqual(indices(topK([0.7, 0.3], k: 0)), [], given: "topK([0.7, 0.3], k: 0)")

        // A real softmax output: NNKit's Dense layer with softmax on one input.
        let model = Sequential(inputSize: 4, [Dense(units: 10, activation: .softmax)], seed: 11)
        let probabilities = model.predict(Matrix(row: [0.3, -1.2, 2.0, 0.7])).scalars
        let sorted = probabilities.enumerated().sorted { $0.element > $1.element }
        ExerciseKit.expectEqual(indices(topK(probabilities, k: 3)), sorted.prefix(3).map(\.offset),
                                given: "the ten probabilities of a softmax layer, k: 3")
    }
}
