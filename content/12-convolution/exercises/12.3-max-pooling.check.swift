import ExerciseKit

@main
enum MaxPoolingCheck: ExerciseCheck {
    static func run() throws {
        let small: [Float] = [1, 5, 2, 0,
                              3, 4, 8, 8]
        let pooled = maxPool(small, width: 4, height: 2, size: 2)
        ExerciseKit.expectEqual(pooled.values, [5, 8],
                                given: "maxPool([1, 5, 2, 0, 3, 4, 8, 8], width: 4, height: 2, size: 2).values: two 2 × 2 windows side by side")
        let odd: [Float] = [1, 2, 3,
                            4, 5, 6,
                            7, 8, 9]
        let oddPooled = maxPool(odd, width: 3, height: 3, size: 2)
        ExerciseKit.expectEqual(oddPooled.values, [5], given: "maxPool of the 3 × 3 image 1…9 with size 2: one window, the last row and column left out")
        ExerciseKit.expectEqual(oddPooled.winners, [4], given: "its winner, as a flat index counting from 0")
        ExerciseKit.expectEqual(pooled.winners, [1, 6],
                                given: "maxPool([1, 5, 2, 0, 3, 4, 8, 8], width: 4, height: 2, size: 2).winners (8 ties 8: the first wins)")
        let negative: [Float] = [-3, -1, -2, -5]
        ExerciseKit.expectEqual(maxPool(negative, width: 2, height: 2, size: 2).values, [-1],
                                given: "maxPool([−3, −1, −2, −5], width: 2, height: 2, size: 2): every value below 0")
        ExerciseKit.expectEqual(poolGradient([0.5, -2], winners: [1, 6], inputCount: 8), [0, 0.5, 0, 0, 0, 0, -2, 0],
                                given: "poolGradient([0.5, −2], winners: [1, 6], inputCount: 8)")

        // A random 6 × 4 image pooled beside NNKit's MaxPooling2D, forward and backward.
        var generator = RandomGenerator(seed: 3)
        let (width, height) = (6, 4)
        let image = (0 ..< width * height).map { _ in Float(generator.nextBelow(5)) }
        let layer = MaxPooling2D(poolSize: 2)
        layer.build(inputShape: [height, width, 1], generator: &generator)
        let nnkit = layer.forward(Matrix(row: image), training: true)
        let yours = maxPool(image, width: width, height: height, size: 2)
        ExerciseKit.expectEqual(yours.values, nnkit.scalars,
                                given: "a random 6 × 4 image of the values 0…4 (many ties), beside NNKit's MaxPooling2D")
        let upstream = (0 ..< nnkit.count).map { Float($0 + 1) }
        ExerciseKit.expectEqual(poolGradient(upstream, winners: yours.winners, inputCount: image.count),
                                layer.backward(Matrix(row: upstream)).scalars,
                                given: "the gradient [1, 2, …, 6] sent back through your winners, beside NNKit's backward pass")
    }
}
