import ExerciseKit

@main
enum DropoutLayerCheck: ExerciseCheck {
    static func run() throws {
        // The example: kept inputs scaled by 1 / 0.75 = 4/3.
        let example = dropoutForward([2, 4, 6, 8], mask: [1, 0, 1, 1], rate: 0.25, training: true)
        ExerciseKit.expectEqual(example.count, 4, given: "dropoutForward([2, 4, 6, 8], mask: [1, 0, 1, 1], rate: 0.25, training: true).count")
        for (i, expected) in ([2 * 4 / 3, 0, 8, 8 * 4 / 3] as [Float]).enumerated() {
            ExerciseKit.expectClose(example[i], expected, given: "dropoutForward([2, 4, 6, 8], mask: [1, 0, 1, 1], rate: 0.25, training: true)[\(i)]")
        }
        ExerciseKit.expectEqual(dropoutForward([2, 4, 6, 8], mask: [0, 0, 0, 0], rate: 0.5, training: false), [2, 4, 6, 8],
                    given: "dropoutForward([2, 4, 6, 8], mask: [0, 0, 0, 0], rate: 0.5, training: false): at inference nothing is dropped")
        // Units 1 and 2 were dropped: no gradient. Units 0 and 3 were kept and scaled by 1 / 0.5 = 2.
        let backward = dropoutBackward([1, 1, -2, 3], mask: [1, 0, 0, 1], rate: 0.5)
        ExerciseKit.expectEqual(backward.count, 4, given: "dropoutBackward([1, 1, -2, 3], mask: [1, 0, 0, 1], rate: 0.5).count")
        for i in [1, 2] {
            ExerciseKit.expectClose(backward[i], 0,
                                    given: "dropoutBackward([1, 1, -2, 3], mask: [1, 0, 0, 1], rate: 0.5)[\(i)], a dropped unit: no gradient")
        }
        for (i, expected) in [(0, 2), (3, 6)] as [(Int, Float)] {
            ExerciseKit.expectClose(backward[i], expected,
                                    given: "dropoutBackward([1, 1, -2, 3], mask: [1, 0, 0, 1], rate: 0.5)[\(i)], a kept unit: "
                                        + "its gradient times 1 / (1 − 0.5)")
        }

        // Beside NNKit's Dropout layer, with its own mask.
        let layer = Dropout(rate: 0.3)
        var generator = RandomGenerator(seed: 12)
        layer.build(inputSize: 40, generator: &generator)
        let input = Matrix(rows: 1, columns: 40, scalars: (0 ..< 40).map { _ in generator.nextNormal() })
        let nnkit = layer.forward(input, training: true)
        let mask = layer.mask.scalars.map { $0 > 0 ? Float(1) : 0 }
        let yours = dropoutForward(input.scalars, mask: mask, rate: 0.3, training: true)
        for i in 0 ..< 40 {
            ExerciseKit.expectClose(yours[i], nnkit.scalars[i], given: "element \(i) of 40 beside NNKit's Dropout(rate: 0.3) with the same mask")
        }
        let upstream = (0 ..< 40).map { _ in generator.nextNormal() }
        let nnkitGradient = layer.backward(Matrix(row: upstream))
        let yourGradient = dropoutBackward(upstream, mask: mask, rate: 0.3)
        for i in 0 ..< 40 {
            ExerciseKit.expectClose(yourGradient[i], nnkitGradient.scalars[i], given: "gradient element \(i) of 40 beside NNKit's Dropout")
        }
    }
}
