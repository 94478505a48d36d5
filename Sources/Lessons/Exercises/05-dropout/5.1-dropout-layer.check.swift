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
        let backward = dropoutBackward([1, 1, -2, 3], mask: [1, 0, 0, 1], rate: 0.5)
        ExerciseKit.expectEqual(backward, [2, 0, 0, 6], given: "dropoutBackward([1, 1, -2, 3], mask: [1, 0, 0, 1], rate: 0.5)")

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
