import ExerciseKit

@main
enum AdamBiasCorrectionCheck: ExerciseCheck {
    static func run() throws {
        let two = firstAdamStep(gradient: 2, learningRate: 0.001)
        ExerciseKit.expectClose(two.corrected, 0.001, tolerance: 1e-6, given: "firstAdamStep(gradient: 2, learningRate: 0.001).corrected: the learning rate itself")
        ExerciseKit.expectClose(two.uncorrected, 0.0031623, tolerance: 1e-6,
                                given: "firstAdamStep(gradient: 2, learningRate: 0.001).uncorrected: 0.1 / √0.001 times the rate")
        let negative = firstAdamStep(gradient: -0.03, learningRate: 0.001)
        ExerciseKit.expect(negative.corrected > 0 && negative.uncorrected > 0,
                           given: "firstAdamStep(gradient: −0.03, learningRate: 0.001): sizes are never negative",
                           expected: "two positive sizes", got: "\(negative)")
        ExerciseKit.expectClose(negative.corrected, 0.001, tolerance: 1e-5,
                                given: "firstAdamStep(gradient: −0.03, learningRate: 0.001).corrected: the size of g does not matter")
        // A gradient so small that epsilon is not negligible beside √v = √0.001 · 1e-6 ≈ 3.2e-8:
        // corrected = 0.001 · √0.001 / 0.1 · 1e-7 / (3.2e-8 + 1e-7) ≈ 0.00024.
        ExerciseKit.expectClose(firstAdamStep(gradient: 1e-6, learningRate: 0.001).corrected, 0.00024025, tolerance: 1e-6,
                                given: "firstAdamStep(gradient: 1e-6, learningRate: 0.001).corrected: a gradient so small that epsilon counts")
        let other = firstAdamStep(gradient: 5, learningRate: 0.01, beta1: 0.8, beta2: 0.99)
        ExerciseKit.expectClose(other.uncorrected, 0.02, tolerance: 1e-5,
                                given: "firstAdamStep(gradient: 5, learningRate: 0.01, beta1: 0.8, beta2: 0.99).uncorrected: 0.2 / √0.01 times the rate")

        // The corrected size is what NNKit's Adam moves a weight on its first step.
        for gradient: Float in [4, 0.5, -0.002] {
            let parameter = Parameter(name: "w", value: Matrix(row: [1]))
            parameter.gradient = Matrix(row: [gradient])
            Adam(learningRate: 0.001).step([parameter])
            ExerciseKit.expectClose(firstAdamStep(gradient: gradient, learningRate: 0.001).corrected,
                                    abs(1 - parameter.value.scalars[0]), tolerance: 1e-6,
                                    given: "the first step of NNKit's Adam() for the gradient \(gradient)")
        }
    }
}
