import Foundation
import Testing

@testable import NNKit

/// Softmax over the last axis, as Keras's `Activation("softmax")` and `activation="softmax"`
/// compute it: each pixel's channels of an image, the whole row of a flat sample.
@Suite("Softmax over the last axis")
struct SoftmaxAxisTests {
    /// float32 exponentials and sums against the same arithmetic in Double.
    static let tolerance: Float = 1e-6

    @Test("Activation('softmax') on a 1 × 2 × 2 image normalizes each pixel's two channels, as worked by hand")
    func handWorked() {
        let layer = Activation(.softmax)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [1, 2, 2], generator: &generator)
        #expect(layer.outputShape == [1, 2, 2])
        // Pixel 0 has channels (0, ln 3): e^0 = 1 and e^ln3 = 3, so 1/4 and 3/4.
        // Pixel 1 has channels (2, 2): equal, so 1/2 and 1/2 (over the whole image it would be
        // e^2 / (1 + 3 + 2e^2) ≈ 0.3246 each).
        let output = layer.forward(Matrix([[0, Float(log(3.0)), 2, 2]]), training: false)
        let expected: [Float] = [0.25, 0.75, 0.5, 0.5]
        for (index, (got, want)) in zip(output.scalars, expected).enumerated() {
            #expect(abs(got - want) <= Self.tolerance, "value \(index): \(got), by hand \(want)")
        }
    }

    @Test("On flat samples softmax still takes the whole row, as a Dense softmax does")
    func flatRows() {
        let layer = Activation(.softmax)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [4], generator: &generator)
        let output = layer.forward(Matrix([[0, Float(log(3.0)), 2, 2]]), training: false)
        // 1, 3, e², e² over 4 + 2e².
        let total = 4 + 2 * exp(2.0)
        let expected = [1 / total, 3 / total, exp(2.0) / total, exp(2.0) / total].map(Float.init)
        for (index, (got, want)) in zip(output.scalars, expected).enumerated() {
            #expect(abs(got - want) <= Self.tolerance, "value \(index): \(got), by hand \(want)")
        }
        let dense = Dense(units: 3, activation: .softmax)
        dense.build(inputSize: 2, generator: &generator)
        let probabilities = dense.forward(Matrix([[0.3, -0.7], [1.2, 0.4]]), training: false)
        for row in 0..<2 {
            #expect(abs(probabilities.row(row).reduce(0, +) - 1) <= Self.tolerance)
        }
    }

    @Test("In a model, Activation('softmax') after Conv2D gives each pixel a distribution over the filters")
    func inModel() {
        let model = Sequential(
            inputShape: [3, 3, 1], [Conv2D(filters: 4, kernelSize: 2), Activation(.softmax)],
            seed: 3)
        let image = GradientCheckTests.randomMatrix(2, 9, seed: 5)
        let output = model.predict(image)
        #expect(model.outputShape == [2, 2, 4])
        for image in 0..<2 {
            for pixel in 0..<4 {
                let start = image * 16 + pixel * 4
                let sum = output.scalars[start..<start + 4].reduce(0, +)
                #expect(abs(sum - 1) <= Self.tolerance, "image \(image), pixel \(pixel): the filters sum to \(sum)")
            }
        }
        // The same numbers as Conv2D(activation: softmax), which normalizes each pixel too.
        let fused = Sequential(
            inputShape: [3, 3, 1], [Conv2D(filters: 4, kernelSize: 2, activation: .softmax)],
            seed: 3)
        GoldenFiles.expectClose(
            fused.predict(image).scalars, output.scalars,
            "Conv2D softmax against Activation softmax", relative: 1e-5, absolute: 1e-6)
    }

    @Test("The gradient of softmax over each pixel's channels agrees with finite differences")
    func gradient() {
        let layer = Activation(.softmax)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [2, 3, 4], generator: &generator)
        GradientCheckTests.check(
            layer, input: GradientCheckTests.randomMatrix(3, 24, seed: 8),
            label: "Activation(softmax) on 2×3×4 images")
    }
}
