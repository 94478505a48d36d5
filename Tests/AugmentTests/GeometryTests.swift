import Testing

@testable import Augment

@Suite("Geometry")
struct GeometryTests {
    /// A 7 × 5 image (odd and uneven, so a transform that confuses width and height shows) with
    /// every pixel different; `channels` colour planes.
    static func sample(channels: Int = 1, width: Int = 7, height: Int = 5) -> Image {
        Image(
            width: width, height: height, channels: channels,
            pixels: (0..<width * height * channels).map { UInt8(($0 * 37 + 11) % 256) })
    }

    @Test("Flipping twice gives back the identical image", arguments: [1, 3])
    func flipTwice(channels: Int) {
        let image = Self.sample(channels: channels)
        #expect(image.flippedHorizontally().flippedHorizontally() == image)
        #expect(image.flippedVertically().flippedVertically() == image)
        #expect(image.flippedHorizontally() != image)
        #expect(image.flippedHorizontally()[0, 0] == image[6, 0])
        #expect(image.flippedVertically()[0, 0] == image[0, 4])
    }

    @Test("Four quarter turns are the identity; one turns counter-clockwise")
    func quarterTurns() {
        let image = Self.sample()
        var turned = image
        for _ in 0..<4 { turned = turned.rotatedQuarterTurns(1) }
        #expect(turned == image)
        let once = image.rotatedQuarterTurns(1)
        #expect(once.width == 5 && once.height == 7)
        // Counter-clockwise: the top-right corner goes to the top-left.
        #expect(once[0, 0] == image[6, 0])
        #expect(image.rotatedQuarterTurns(2) == image.flippedHorizontally().flippedVertically())
        #expect(image.rotatedQuarterTurns(-1) == image.rotatedQuarterTurns(3))
    }

    @Test(
        "A rotation by 90°, 180° or 270° with bilinear sampling equals the exact quarter turns",
        arguments: [(90.0, 1), (180.0, 2), (270.0, 3), (-90.0, 3)])
    func rotationMatchesQuarterTurn(degrees: Double, turns: Int) {
        let square = Self.sample(channels: 3, width: 6, height: 6)
        #expect(square.rotated(byDegrees: degrees) == square.rotatedQuarterTurns(turns))
        let odd = Self.sample(width: 5, height: 5)
        #expect(odd.rotated(byDegrees: degrees) == odd.rotatedQuarterTurns(turns))
    }

    @Test("A zero shift, a zoom of 1, a shear of 0 and a rotation of 0 give back the identical image")
    func identities() {
        let image = Self.sample(channels: 2)
        #expect(image.shifted(x: 0, y: 0) == image)
        #expect(image.zoomed(by: 1) == image)
        #expect(image.sheared(byDegrees: 0) == image)
        #expect(image.rotated(byDegrees: 0) == image)
        #expect(image.rotated(byDegrees: 360) == image)
        #expect(image.stretched(x: 1, y: 1) == image)
    }

    @Test("Whole-pixel shifts move pixels exactly and fill the uncovered edge")
    func shifts() {
        let image = Self.sample()
        let right = image.shifted(x: 2, y: 0)
        #expect(right[2, 3] == image[0, 3])
        #expect(right[6, 1] == image[4, 1])
        #expect(right[0, 0] == 0 && right[1, 4] == 0)
        let down = image.shifted(x: 0, y: -1, fill: .constant(200 / 255))
        #expect(down[3, 0] == image[3, 1])
        #expect(down[3, 4] == 200)
        // Half a pixel blends the two neighbours: (a + b) / 2, rounded.
        let half = Image(width: 2, height: 1, pixels: [100, 201]).shifted(x: 0.5, y: 0, fill: .nearest)
        #expect(half.pixels == [100, 151])
        #expect(image.shifted(byFractionX: 2.0 / 7.0, y: 0) == right)
    }

    @Test("Fill modes reproduce Keras's: constant, nearest, reflect (d c b a | a b c d), wrap")
    func fillModes() {
        let row = Image(width: 4, height: 1, pixels: [10, 20, 30, 40])
        #expect(row.shifted(x: 2, y: 0, fill: .constant(7 / 255)).pixels == [7, 7, 10, 20])
        #expect(row.shifted(x: 2, y: 0, fill: .nearest).pixels == [10, 10, 10, 20])
        #expect(row.shifted(x: 2, y: 0, fill: .reflect).pixels == [20, 10, 10, 20])
        #expect(row.shifted(x: 2, y: 0, fill: .wrap).pixels == [30, 40, 10, 20])
        #expect(row.shifted(x: -3, y: 0, fill: .reflect).pixels == [40, 40, 30, 20])
    }

    @Test("A constant fill is one unit, an intensity: 0.5 fills bytes with 128 and intensities with 0.5")
    func fillUnit() {
        let policy = AugmentationPolicy(shiftPixels: 0, fill: .constant(0.5))
        let image = Image(width: 4, height: 1, pixels: [10, 20, 30, 40])
        #expect(image.shifted(x: 2, y: 0, fill: policy.fill).pixels == [128, 128, 10, 20])
        // The same fill on intensities, as training batches are resampled: 0.5 stays 0.5.
        let source: [Float] = [0.1, 0.2, 0.3, 0.4]
        var output = [Float](repeating: 0, count: 4)
        let inverse = AffineMap.translation(x: 2, y: 0).inverse!
        source.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { target in
                Resampler.resample(
                    input, into: target, width: 4, height: 1, channels: 1, inverse: inverse,
                    fill: policy.fill, fullScale: 1)
            }
        }
        #expect(output == [0.5, 0.5, 0.1, 0.2])
    }

    @Test("Zoom and shear move the pixels they should")
    func zoomAndShear() {
        // A 5 × 5 image with one bright pixel one step right of centre: a zoom of 2 moves it to
        // two steps right; a shear of 45° slides the row below the centre one pixel left.
        var image = Image(width: 5, height: 5)
        image[3, 2] = 255
        let zoomed = image.zoomed(by: 2)
        #expect(zoomed[4, 2] == 255 && zoomed[2, 2] == 0)
        var below = Image(width: 5, height: 5)
        below[2, 3] = 255
        #expect(below.sheared(byDegrees: 45)[1, 3] == 255)
    }

    @Test("A random policy is fixed by its seed, differs between seeds, and the batch form agrees with the image form")
    func policy() {
        let policy = AugmentationPolicy(
            flipHorizontally: true, rotationDegrees: 15, shiftPixels: 2,
            zoom: 0.9...1.1, shearDegrees: 10)
        let image = Self.sample(width: 28, height: 28)
        var first = SplitMix(seed: 1), again = SplitMix(seed: 1), other = SplitMix(seed: 2)
        let a = policy.apply(to: image, using: &first)
        #expect(a == policy.apply(to: image, using: &again))
        #expect(a != policy.apply(to: image, using: &other))

        var intensities = image.pixels.map(Float.init)
        var scratch = [Float](repeating: 0, count: 28 * 28)
        var batchGenerator = SplitMix(seed: 1)
        intensities.withUnsafeMutableBufferPointer { images in
            scratch.withUnsafeMutableBufferPointer { scratch in
                policy.apply(
                    toImages: images, count: 1, width: 28, height: 28, scratch: scratch, using: &batchGenerator)
            }
        }
        #expect(intensities.map { UInt8(min(max($0.rounded(), 0), 255)) } == a.pixels)
    }
}

/// A tiny seeded generator for tests (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Geometry at the edges")
struct GeometryEdgeTests {
    @Test("A transform that sends samples absurdly far away fills instead of crashing")
    func farAway() {
        let image = GeometryTests.sample()
        // Shrunk a trillion times: everything but the centre pixel shows the fill.
        let tiny = image.zoomed(by: 1e-12)
        #expect(tiny.width == image.width && tiny.pixels.filter { $0 != 0 }.count <= 1)
        let huge = image.shifted(x: 1e15, y: -1e15, fill: .constant(9 / 255))
        #expect(huge.pixels.allSatisfy { $0 == 9 })
        let wrapped = image.shifted(x: 7 * 1000, y: 0, fill: .wrap)
        #expect(wrapped == image)
    }
}
