import Augment
import ExerciseKit

@main
enum ZoomCheck: ExerciseCheck {
    static func run() throws {
        // A factor of 1 changes nothing.
        let flat: [Float] = [10, 20, 30, 40, 50, 60, 70, 80, 90]
        let same = zoomed(flat, width: 3, height: 3, factor: 1)
        ExerciseKit.expectClose(same, flat, given: "zoomed(3 × 3, factor: 1)")
        // Zooming in by 2 on a 3 × 3 image: the centre stays, the corners look halfway to the centre, e.g. the
        // output's (0, 0) reads the source at (0.5, 0.5), the mean of 10, 20, 40 and 50.
        let twice = zoomed(flat, width: 3, height: 3, factor: 2)
        ExerciseKit.expectClose(twice[4], 50, given: "zoomed(3 × 3, factor: 2), the centre pixel (1, 1): the centre stays where it is")
        ExerciseKit.expectClose(twice[0], 30,
                                given: "zoomed(3 × 3, factor: 2), pixel (0, 0): it reads (0.5, 0.5), halfway to the centre, the mean of 10, 20, 40 and 50")
        // Zooming out by 0.8: the corner reads from (−0.25, −0.25), so three of its four neighbours are outside.
        let tens = [Float](repeating: 10, count: 9)
        ExerciseKit.expectClose(zoomed(tens, width: 3, height: 3, factor: 0.8)[0], 5.625,
                                given: "a 3 × 3 image of 10s zoomed by 0.8, pixel (0, 0): its source (−0.25, −0.25) is partly outside, "
                                    + "x0 = floor(−0.25) = −1 and fx = 0.75")

        // Beside Augment's zoom on a random 28 × 28 image, in and out.
        var generator = RandomGenerator(seed: 83)
        let bytes = (0 ..< 784).map { _ in UInt8(generator.nextBelow(256)) }
        let image = Image(width: 28, height: 28, pixels: bytes)
        for factor in [1.1, 1.5, 0.8] {
            let yours = zoomed(bytes.map(Float.init), width: 28, height: 28, factor: factor)
            let reference = image.zoomed(by: factor).pixels
            for i in 0 ..< 784 {
                ExerciseKit.expect(abs(yours[i] - Float(reference[i])) <= 0.51,
                       given: "a random 28 × 28 image zoomed by \(factor), pixel (\(i % 28), \(i / 28))",
                       expected: "\(reference[i]) (Augment's zoom, rounded)", got: "\(yours[i])")
            }
        }
    }
}
