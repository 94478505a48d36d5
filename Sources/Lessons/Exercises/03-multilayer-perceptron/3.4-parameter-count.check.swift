import ExerciseKit

@main
enum ParameterCountCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectEqual(parameterCount(layerSizes: [2, 32, 1]), 129, given: "parameterCount(layerSizes: [2, 32, 1])")
        ExerciseKit.expectEqual(parameterCount(layerSizes: [2, 1]), 3, given: "parameterCount(layerSizes: [2, 1]), chapter 1's neuron")
        ExerciseKit.expectEqual(parameterCount(layerSizes: [784]), 0, given: "parameterCount(layerSizes: [784]), no layer at all")
        // Beside NNKit's summary, for chapter 4's deep model and two others.
        for sizes in [[784, 256, 128, 64, 10], [784, 10], [3, 5, 5, 2]] {
            let model = Sequential(inputSize: sizes[0], sizes.dropFirst().map { Dense(units: $0) })
            ExerciseKit.expectEqual(parameterCount(layerSizes: sizes), model.summary().totalCount,
                                    given: "parameterCount(layerSizes: \(sizes)), beside NNKit's summary")
        }
    }
}
