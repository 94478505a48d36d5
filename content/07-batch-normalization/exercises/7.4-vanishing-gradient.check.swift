import ExerciseKit

@main
enum VanishingGradientCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectClose(sigmoidDerivative(0), 0.25, given: "sigmoidDerivative(0), its largest value")
        ExerciseKit.expectClose(sigmoidDerivative(2), 0.104993585, given: "sigmoidDerivative(2)")
        ExerciseKit.expectClose(sigmoidDerivative(-2), sigmoidDerivative(2), given: "sigmoidDerivative(-2), beside sigmoidDerivative(2)")
        for z: Float in [-8, -3, -0.5, 0.5, 3, 8] {
            ExerciseKit.expect(sigmoidDerivative(z) < 0.25, given: "sigmoidDerivative(\(z))", expected: "below 0.25",
                               got: "\(sigmoidDerivative(z))")
        }
        // Beside NNKit: the slope of its sigmoid, by a central difference.
        let h: Float = 1e-3
        let layer = Activation(.sigmoid)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputSize: 1, generator: &generator)
        let slope = (layer.forward(Matrix([[1.5 + h]]), training: false)[0, 0] - layer.forward(Matrix([[1.5 - h]]), training: false)[0, 0]) / (2 * h)
        ExerciseKit.expectClose(sigmoidDerivative(1.5), slope, tolerance: 1e-3, given: "sigmoidDerivative(1.5), beside NNKit's sigmoid's slope")
        ExerciseKit.expectClose(gradientScale(layers: 6, weight: 1), 0.00024414062, given: "gradientScale(layers: 6, weight: 1): 0.25⁶, the chapter's six layers")
        ExerciseKit.expectClose(gradientScale(layers: 0, weight: 0.3), 1, given: "gradientScale(layers: 0, weight: 0.3), no layer")
        ExerciseKit.expectClose(gradientScale(layers: 1, weight: 4), 1, given: "gradientScale(layers: 1, weight: 4): one layer, 0.25 · 4")
        // Several layers with a weight other than 1: the weight is met once per layer.
        ExerciseKit.expectClose(gradientScale(layers: 3, weight: 2), 0.125,
                                given: "gradientScale(layers: 3, weight: 2): (0.25 · 2)³, the weight in every layer")
        ExerciseKit.expectClose(gradientScale(layers: 2, weight: 8), 4,
                                given: "gradientScale(layers: 2, weight: 8): (0.25 · 8)², large weights make it grow instead")
    }
}
