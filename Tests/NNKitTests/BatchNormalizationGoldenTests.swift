import NNKit
import Testing

@Suite("BatchNormalization matches Keras (batch_normalization.json)")
struct BatchNormalizationGoldenTests {
    struct File: Decodable {
        let momentum: Float
        let epsilon: Float
        let x: GoldenMatrix
        let gamma: GoldenMatrix
        let beta: GoldenMatrix
        let upstream: GoldenMatrix
        let training_output: GoldenMatrix
        let gradient_wrt_x: GoldenMatrix
        let gradient_wrt_gamma: GoldenMatrix
        let gradient_wrt_beta: GoldenMatrix
        let moving_mean_after: GoldenMatrix
        let moving_variance_after: GoldenMatrix
        let inference_output_after: GoldenMatrix
    }

    @Test("A training call, its gradients, the moving statistics after it, then inference")
    func trainingThenInference() throws {
        let golden: File = try GoldenFiles.load("batch_normalization.json")
        let x = golden.x.matrix
        let layer = BatchNormalization(momentum: golden.momentum, epsilon: golden.epsilon)
        var generator = RandomGenerator(seed: 0)
        layer.build(inputSize: x.columns, generator: &generator)
        layer.gamma.value = golden.gamma.matrix
        layer.beta.value = golden.beta.matrix

        let output = layer.forward(x, training: true)
        GoldenFiles.expectClose(output.scalars, golden.training_output.matrix.scalars, "training output")
        let inputGradient = layer.backward(golden.upstream.matrix)
        GoldenFiles.expectClose(inputGradient.scalars, golden.gradient_wrt_x.matrix.scalars, "gradient w.r.t. x")
        GoldenFiles.expectClose(
            layer.gamma.gradient.scalars, golden.gradient_wrt_gamma.matrix.scalars, "gradient w.r.t. gamma")
        GoldenFiles.expectClose(
            layer.beta.gradient.scalars, golden.gradient_wrt_beta.matrix.scalars, "gradient w.r.t. beta")
        GoldenFiles.expectClose(layer.movingMean.value.scalars, golden.moving_mean_after.matrix.scalars, "moving mean")
        GoldenFiles.expectClose(
            layer.movingVariance.value.scalars, golden.moving_variance_after.matrix.scalars, "moving variance")
        GoldenFiles.expectClose(
            layer.forward(x, training: false).scalars,
            golden.inference_output_after.matrix.scalars, "inference output")
    }
}
