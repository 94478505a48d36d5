import ExerciseKit

@main
enum BatchNormalizationBackwardCheck: ExerciseCheck {
    static func run() throws {
        // One feature, batch [1, 3], ε = 0: mean 2, σ = 1, x̂ = [−1, 1]. With γ = 2 and g = [1, 0]:
        // ∂β = 1, ∂γ = −1, ∂x = 2 / 2 · (2 · [1, 0] − 1 − [−1, 1] · (−1)) = [0, 0].
        let small = batchNormalizationBackward([[1], [3]], outputGradient: [[1], [0]], gamma: [2], epsilon: 0)
        ExerciseKit.expectClose(small.betaGradient, [1], given: "betaGradient for x [[1], [3]], g [[1], [0]]")
        ExerciseKit.expectClose(small.gammaGradient, [-1], given: "gammaGradient for x [[1], [3]], g [[1], [0]] (x̂ = [−1, 1]: the variance divides by N)")

        // Two properties of ∂L/∂x that hold for any batch (with ε = 0): Σ ∂L/∂x = 0, since Σ x̂ = 0, is the work
        // of the −Σ g term; Σ ∂L/∂x · x̂ = 0, since Σ x̂² = N, is the work of the −x̂ · Σ g · x̂ term.
        var generator = RandomGenerator(seed: 13)
        let lopsided = (0 ..< 5).map { _ in (0 ..< 3).map { _ in generator.nextNormal() * 2 + 1 } }
        let lopsidedGradient = (0 ..< 5).map { _ in (0 ..< 3).map { _ in generator.nextNormal() } }
        let properties = batchNormalizationBackward(lopsided, outputGradient: lopsidedGradient, gamma: [1.5, -0.5, 2], epsilon: 0)
        if properties.inputGradient.count == 5 && properties.inputGradient.allSatisfy({ $0.count == 3 }) {
            for c in 0 ..< 3 {
                let column = lopsided.map { $0[c] }
                let mean = column.reduce(0, +) / 5
                let sigma = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 5).squareRoot()
                let gradient = properties.inputGradient.map { $0[c] }
                ExerciseKit.expectClose(gradient.reduce(0, +), 0,
                                        given: "Σ inputGradient over a random 5 × 3 batch, column \(c): 0, the work of the −Σ g term")
                ExerciseKit.expectClose(zip(gradient, column).map { $0 * ($1 - mean) / sigma }.reduce(0, +), 0,
                                        given: "Σ inputGradient · x̂ over the same batch, column \(c): 0, the work of the −x̂ · Σ g · x̂ term")
            }
        }
        ExerciseKit.expectClose(Matrix(small.inputGradient), Matrix([[0], [0]]),
                                given: "inputGradient for x [[1], [3]], g [[1], [0]], γ [2] (a shift of the whole batch changes nothing)")

        // Beside NNKit's BatchNormalization on a random batch of 6 samples × 4 features.
        let x = (0 ..< 6).map { _ in (0 ..< 4).map { _ in generator.nextNormal() * 2 + 1 } }
        let g = (0 ..< 6).map { _ in (0 ..< 4).map { _ in generator.nextNormal() } }
        let gamma: [Float] = [0.5, 1, 1.5, -2]
        let layer = BatchNormalization(epsilon: 1e-3)
        layer.build(inputSize: 4, generator: &generator)
        layer.gamma.value = Matrix(row: gamma)
        _ = layer.forward(Matrix(x), training: true)
        let reference = layer.backward(Matrix(g))
        let yours = batchNormalizationBackward(x, outputGradient: g, gamma: gamma, epsilon: 1e-3)
        ExerciseKit.expectClose(yours.betaGradient, layer.beta.gradient.scalars, given: "betaGradient on a 6 × 4 batch, beside NNKit's")
        ExerciseKit.expectClose(yours.gammaGradient, layer.gamma.gradient.scalars, given: "gammaGradient on a 6 × 4 batch, beside NNKit's")
        ExerciseKit.expectClose(Matrix(yours.inputGradient), reference, given: "inputGradient on a 6 × 4 batch with γ [0.5, 1, 1.5, −2], beside NNKit's")

        // And against a finite difference of L = Σ g · y, through the batch's own statistics.
        func loss(_ x: [[Float]]) -> Float {
            let probe = BatchNormalization(epsilon: 1e-3)
            var unused = RandomGenerator(seed: 1)
            probe.build(inputSize: 4, generator: &unused)
            probe.gamma.value = Matrix(row: gamma)
            return (probe.forward(Matrix(x), training: true) * Matrix(g)).sum()
        }
        let h: Float = 1e-2
        var plus = x, minus = x
        plus[2][1] += h
        minus[2][1] -= h
        ExerciseKit.expectClose(yours.inputGradient[2][1], (loss(plus) - loss(minus)) / (2 * h), tolerance: 2e-2,
                                given: "inputGradient[2][1] (row 2, column 1, counting from 0) against a finite difference")
    }
}
