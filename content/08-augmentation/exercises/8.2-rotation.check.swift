import Augment
import ExerciseKit

@main
enum RotationCheck: ExerciseCheck {
    static func run() throws {
        // Zero degrees changes nothing; 180° about the centre (1, 1) reads every pixel from the opposite one.
        let flat: [Float] = [10, 20, 30, 40, 50, 60, 70, 80, 90]
        let same = rotated(flat, width: 3, height: 3, degrees: 0)
        ExerciseKit.expect(same.count == 9, given: "rotated(3 × 3, degrees: 0)", expected: "9 pixels", got: "\(same.count)")
        for i in 0 ..< 9 { ExerciseKit.expectClose(same[i], flat[i], given: "rotated by 0°, pixel \(i)") }
        ExerciseKit.expectClose(rotated(flat, width: 3, height: 3, degrees: 180), flat.reversed(), tolerance: 1e-3,
                                given: "the 3 × 3 image 10…90 rotated by 180°: about the centre (1, 1), each pixel from the opposite one")

        // A 3 × 3 image with a bright pixel right of centre; 90° counter-clockwise puts it above.
        var dot = [Float](repeating: 0, count: 9)
        dot[5] = 1  // (2, 1)
        let up = rotated(dot, width: 3, height: 3, degrees: 90)
        ExerciseKit.expectClose(up[1], 1, tolerance: 1e-4, given: "rotating a dot at (2, 1) by 90°: the pixel at (1, 0)")
        ExerciseKit.expectClose(up[5], 0, tolerance: 1e-4, given: "rotating a dot at (2, 1) by 90°: the pixel at (2, 1)")

        // 45°: the corner (0, 0) reads from (1, −0.41), above the image, so its top neighbours are outside.
        let tens = [Float](repeating: 10, count: 9)
        ExerciseKit.expectClose(rotated(tens, width: 3, height: 3, degrees: 45)[0], 10 * (2 - Float(2).squareRoot()), tolerance: 1e-3,
                                given: "a 3 × 3 image of 10s rotated by 45°, pixel (0, 0): its source (1, −0.41) is partly above the image, "
                                    + "y0 = floor(−0.41) = −1 and fy = 0.59")

        // Beside Augment's bilinear rotation on a random 28 × 28 image, at several angles.
        var generator = RandomGenerator(seed: 82)
        let bytes = (0 ..< 784).map { _ in UInt8(generator.nextBelow(256)) }
        let image = Image(width: 28, height: 28, pixels: bytes)
        for degrees in [5.0, -11, 30, 90] {
            let yours = rotated(bytes.map(Float.init), width: 28, height: 28, degrees: degrees)
            let reference = image.rotated(byDegrees: degrees).pixels
            for i in 0 ..< 784 {
                // Augment rounds to whole bytes; yours is exact: they agree to within rounding.
                ExerciseKit.expect(abs(yours[i] - Float(reference[i])) <= 0.51,
                       given: "a random 28 × 28 image rotated by \(degrees)°, pixel (\(i % 28), \(i / 28))",
                       expected: "\(reference[i]) (Augment's bilinear rotation, rounded)", got: "\(yours[i])")
            }
        }
    }
}
