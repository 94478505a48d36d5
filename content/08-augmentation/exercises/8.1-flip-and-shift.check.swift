import Augment
import ExerciseKit

@main
enum FlipAndShiftCheck: ExerciseCheck {
    static func run() throws {
        // A 3 × 2 image:  1 2 3 / 4 5 6.
        let small: [Float] = [1, 2, 3, 4, 5, 6]
        ExerciseKit.expectEqual(flippedHorizontally(small, width: 3, height: 2), [3, 2, 1, 6, 5, 4],
                    given: "flippedHorizontally([1, 2, 3, 4, 5, 6], width: 3, height: 2): each row mirrored, the rows in place")
        ExerciseKit.expectEqual(shifted(small, width: 3, height: 2, dx: 1, dy: 0, fill: 0), [0, 1, 2, 0, 4, 5],
                    given: "shifted([1, 2, 3, 4, 5, 6], width: 3, height: 2, dx: 1, dy: 0, fill: 0): one pixel right, 0 where nothing comes in")
        ExerciseKit.expectEqual(shifted(small, width: 3, height: 2, dx: -1, dy: 1, fill: 9), [9, 9, 9, 2, 3, 9],
                    given: "shifted([1, 2, 3, 4, 5, 6], width: 3, height: 2, dx: -1, dy: 1, fill: 9): one pixel left and one down")
        ExerciseKit.expectEqual(shifted(small, width: 3, height: 2, dx: 0, dy: 0, fill: 9), small,
                    given: "shifted by (0, 0): the identical image")
        ExerciseKit.expectEqual(flippedHorizontally(flippedHorizontally(small, width: 3, height: 2), width: 3, height: 2), small,
                    given: "flipping twice: the identical image")

        // On a real-sized 28 × 28 image, beside Augment's own flip and shift.
        var generator = RandomGenerator(seed: 28)
        let bytes = (0 ..< 784).map { _ in UInt8(generator.nextBelow(256)) }
        let image = Image(width: 28, height: 28, pixels: bytes)
        let pixels = bytes.map(Float.init)
        ExerciseKit.expectEqual(flippedHorizontally(pixels, width: 28, height: 28), image.flippedHorizontally().pixels.map(Float.init),
                    given: "a random 28 × 28 image flipped, beside Augment's flippedHorizontally()")
        ExerciseKit.expectEqual(shifted(pixels, width: 28, height: 28, dx: 3, dy: -2, fill: 0),
                    image.shifted(x: 3, y: -2).pixels.map(Float.init),
                    given: "a random 28 × 28 image shifted by (3, −2), beside Augment's shifted(x: 3, y: -2)")
    }
}
