import ExerciseKit

@main
enum SigmoidCheck: ExerciseCheck {
    static func run() throws {
        // σ(0) = 1/2; σ(2) = 1/(1 + e^−2) = 0.8807971; σ(−2) = 1 − σ(2) = 0.1192029.
        for (z, expected) in [(0, 0.5), (2, 0.880797), (-2, 0.119203), (5, 0.993307)] as [(Float, Float)] {
            ExerciseKit.expectClose(sigmoid(z), expected, given: "sigmoid(\(z))")
        }
        let farLeft = sigmoid(-200)
        ExerciseKit.expect(farLeft.isFinite && farLeft >= 0 && farLeft < 1e-30, given: "sigmoid(-200), where e^200 overflows",
               expected: "0 (a number, not NaN)", got: "\(farLeft)")
        ExerciseKit.expectClose(sigmoid(200), 1, given: "sigmoid(200), where e^200 overflows: 1, not NaN")
        // σ′(0) = 0.25, its peak; σ′(2) = 0.8807971 · 0.1192029 = 0.1049936.
        for (z, expected) in [(0, 0.25), (2, 0.104994), (-2, 0.104994)] as [(Float, Float)] {
            ExerciseKit.expectClose(sigmoidDerivative(z), expected, given: "sigmoidDerivative(\(z))")
        }
        // The derivative must be the slope of your sigmoid: compare with a finite difference.
        let h: Float = 1e-3
        for z in [-3, -0.5, 0.7, 4] as [Float] {
            let slope = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
            ExerciseKit.expectClose(sigmoidDerivative(z), slope, tolerance: 1e-3,
                        given: "sigmoidDerivative(\(z)) against (sigmoid(z + h) − sigmoid(z − h)) / 2h")
        }
        // And it must agree with NNKit's sigmoid layer, which training uses.
        let layer = Activation(.sigmoid)
        var generator = RandomGenerator(seed: 0)
        layer.build(inputSize: 3, generator: &generator)
        let z = Matrix([[-1.5, 0.25, 3]])
        let output = layer.forward(z, training: true)
        let gradient = layer.backward(Matrix([[1, 1, 1]]))
        for i in 0 ..< 3 {
            ExerciseKit.expectClose(sigmoid(z.scalars[i]), output.scalars[i], given: "sigmoid(\(z.scalars[i])) beside NNKit's")
            ExerciseKit.expectClose(sigmoidDerivative(z.scalars[i]), gradient.scalars[i],
                        given: "sigmoidDerivative(\(z.scalars[i])) beside NNKit's")
        }
    }
}
