import ExerciseKit

@main
enum L2PenaltyCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectClose(l2Penalty([1, -2, 3], factor: 0.1), 1.4,
                                given: "l2Penalty([1, -2, 3], factor: 0.1): 0.1 · (1² + (−2)² + 3²), squares and no ½")
        ExerciseKit.expectClose(l2Penalty([], factor: 0.1), 0, given: "l2Penalty([], factor: 0.1)")
        ExerciseKit.expectClose(l2Gradient([1, -2, 3], factor: 0.1), [0.2, -0.4, 0.6],
                                given: "l2Gradient([1, -2, 3], factor: 0.1): the penalty's slope 2 · 0.1 · w, the sign of w")
        // The gradient is the penalty's slope: compare with a finite difference.
        var generator = RandomGenerator(seed: 17)
        let weights = (0 ..< 6).map { _ in generator.nextNormal() }
        let gradient = l2Gradient(weights, factor: 0.01)
        let h: Float = 1e-2
        for i in weights.indices {
            var plus = weights, minus = weights
            plus[i] += h
            minus[i] -= h
            let slope = (l2Penalty(plus, factor: 0.01) - l2Penalty(minus, factor: 0.01)) / (2 * h)
            ExerciseKit.expectClose(gradient[i], slope, tolerance: 1e-3, given: "l2Gradient(…)[\(i)] against the penalty's finite difference")
        }
        // And both agree with NNKit's regularizer, which Dense(kernelRegularizer: .l2(0.001)) uses.
        let kernel = Matrix(rows: 2, columns: 3, scalars: weights)
        ExerciseKit.expectClose(l2Penalty(weights, factor: 0.001), Regularizer.l2(0.001).penalty(kernel),
                    given: "l2Penalty of 6 random weights, factor 0.001, beside NNKit's Regularizer.l2")
        var nnkit = Matrix(rows: 2, columns: 3)
        Regularizer.l2(0.001).addGradient(of: kernel, to: &nnkit)
        let yours = l2Gradient(weights, factor: 0.001)
        for i in weights.indices {
            ExerciseKit.expectClose(yours[i], nnkit.scalars[i], given: "l2Gradient element \(i), factor 0.001, beside NNKit's")
        }
    }
}
