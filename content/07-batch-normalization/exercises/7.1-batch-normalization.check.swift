import ExerciseKit

@main
enum BatchNormalizationCheck: ExerciseCheck {
    static func run() throws {
        // One feature, batch [1, 3]: mean 2, variance 1; with ε = 0, x̂ = [−1, 1]; γ = 2, β = 0.5 → [−1.5, 2.5].
        let small = batchNormalizationTraining([[1], [3]], gamma: [2], beta: [0.5], epsilon: 0)
        ExerciseKit.expectClose(small.mean, [2], given: "the batch mean of [[1], [3]], per feature (column)")
        ExerciseKit.expectClose(small.variance, [1], given: "the batch variance of [[1], [3]] (divided by the batch size, 2)")
        ExerciseKit.expectClose(Matrix(small.output), Matrix([[-1.5], [2.5]]), given: "batchNormalizationTraining([[1], [3]], gamma: [2], beta: [0.5], epsilon: 0)")
        // A batch of small spread, where ε counts: variance 0.0025, σ = sqrt(0.0025 + 0.01) ≈ 0.1118, x̂ = ±0.05 / σ ≈ ±0.4472.
        let narrow = batchNormalizationTraining([[0], [0.1]], gamma: [1], beta: [0], epsilon: 0.01)
        ExerciseKit.expectClose(Matrix(narrow.output), Matrix([[-0.4472136], [0.4472136]]),
                                given: "batchNormalizationTraining([[0], [0.1]], gamma: [1], beta: [0], epsilon: 0.01): "
                                    + "a small spread, where ε inside the square root counts")
        ExerciseKit.expectClose(updatedMovingAverage([0, 1], batch: [2, 3], momentum: 0.99), [0.02, 1.02],
                    given: "updatedMovingAverage([0, 1], batch: [2, 3], momentum: 0.99)")
        let inference = batchNormalizationInference([[4]], gamma: [2], beta: [1], movingMean: [2], movingVariance: [4], epsilon: 0)
        ExerciseKit.expectClose(Matrix(inference), Matrix([[3]]), given: "batchNormalizationInference([[4]], gamma: [2], beta: [1], movingMean: [2], movingVariance: [4], epsilon: 0): "
                                    + "the moving statistics, not the batch's")

        // Beside NNKit's BatchNormalization (which matches Keras) on a random batch of 8 × 5.
        var generator = RandomGenerator(seed: 31)
        let x = (0 ..< 8).map { _ in (0 ..< 5).map { _ in generator.nextNormal() * 3 + 1 } }
        let gamma = (0 ..< 5).map { _ in generator.nextUniform(0.5, 1.5) }
        let beta = (0 ..< 5).map { _ in generator.nextUniform(-1, 1) }
        let layer = BatchNormalization(momentum: 0.99, epsilon: 1e-3)
        layer.build(inputSize: 5, generator: &generator)
        layer.gamma.value = Matrix(row: gamma)
        layer.beta.value = Matrix(row: beta)
        let nnkit = layer.forward(Matrix(x), training: true)
        let yours = batchNormalizationTraining(x, gamma: gamma, beta: beta, epsilon: 1e-3)
        ExerciseKit.expectClose(Matrix(yours.output), nnkit, given: "training output for a random 8 × 5 batch, beside NNKit's")
        let movingMean = updatedMovingAverage([0, 0, 0, 0, 0], batch: yours.mean, momentum: 0.99)
        let movingVariance = updatedMovingAverage([1, 1, 1, 1, 1], batch: yours.variance, momentum: 0.99)
        ExerciseKit.expectClose(movingMean, layer.movingMean.value.scalars, given: "the moving mean after that batch, beside NNKit's")
        ExerciseKit.expectClose(movingVariance, layer.movingVariance.value.scalars, given: "the moving variance after that batch, beside NNKit's")
        let later = (0 ..< 3).map { _ in (0 ..< 5).map { _ in generator.nextNormal() } }
        ExerciseKit.expectClose(Matrix(batchNormalizationInference(later, gamma: gamma, beta: beta, movingMean: movingMean,
                                                       movingVariance: movingVariance, epsilon: 1e-3)),
                    layer.forward(Matrix(later), training: false), given: "inference on 3 new samples, beside NNKit's")
    }
}
