/// A random augmentation, drawn afresh for every image: Keras's RandomFlip, RandomRotation,
/// RandomTranslation, RandomZoom and a shear, in one affine map per image. All draws come from a
/// generator the caller seeds, so a seed fixes every variant.
///
/// ```swift
/// let mild = AugmentationPolicy(flipHorizontally: true, rotationDegrees: 5, shiftPixels: 1)
/// ```
public struct AugmentationPolicy: Sendable, Equatable {
    /// Mirror left to right with probability ½.
    public var flipHorizontally = false
    /// Mirror top to bottom with probability ½.
    public var flipVertically = false
    /// Rotate by an angle drawn uniformly from ±`rotationDegrees`.
    public var rotationDegrees: Double = 0
    /// Move by whole-or-fractional pixels drawn uniformly from ±`shiftPixels`, across and down.
    public var shiftPixels: Double = 0
    /// Move by a fraction of the size drawn from ±`shiftFraction` (Keras's RandomTranslation).
    public var shiftFraction: Double = 0
    /// Scale by a factor drawn uniformly from this range (1 is unchanged; above 1 zooms in).
    public var zoom: ClosedRange<Double> = 1...1
    /// Shear by an angle drawn uniformly from ±`shearDegrees`.
    public var shearDegrees: Double = 0
    /// Stretch across by a factor drawn from this range (1 is unchanged).
    public var stretch: ClosedRange<Double> = 1...1
    /// What fills the corners a transform uncovers.
    public var fill: FillMode = .constant(0)

    public init(
        flipHorizontally: Bool = false, flipVertically: Bool = false, rotationDegrees: Double = 0,
        shiftPixels: Double = 0, shiftFraction: Double = 0, zoom: ClosedRange<Double> = 1...1,
        shearDegrees: Double = 0, stretch: ClosedRange<Double> = 1...1, fill: FillMode = .constant(0)
    ) {
        let limits = [
            rotationDegrees, shiftPixels, shiftFraction, shearDegrees, zoom.lowerBound, zoom.upperBound,
            stretch.lowerBound, stretch.upperBound,
        ]
        precondition(limits.allSatisfy(\.isFinite), "Every range of an augmentation must be finite, got \(limits).")
        precondition(
            zoom.lowerBound > 0 && stretch.lowerBound > 0,
            "Zoom and stretch factors must be positive, got \(zoom) and \(stretch).")
        precondition(abs(shearDegrees) < 90, "A shear must be less than 90°, got \(shearDegrees)°.")
        self.flipHorizontally = flipHorizontally
        self.flipVertically = flipVertically
        self.rotationDegrees = rotationDegrees
        self.shiftPixels = shiftPixels
        self.shiftFraction = shiftFraction
        self.zoom = zoom
        self.shearDegrees = shearDegrees
        self.stretch = stretch
        self.fill = fill
    }

    /// Draws one image's transform (source to output coordinates) for a `width × height` image.
    public func drawTransform<G: RandomNumberGenerator>(width: Int, height: Int, using generator: inout G) -> AffineMap
    {
        let center = (x: Double(width - 1) / 2, y: Double(height - 1) / 2)
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound == range.upperBound ? range.lowerBound : Double.random(in: range, using: &generator)
        }
        func symmetric(_ limit: Double) -> Double { limit == 0 ? 0 : uniform(-limit...limit) }
        var transform = AffineMap.identity
        if flipHorizontally && Bool.random(using: &generator) {
            transform = AffineMap(a: -1, b: 0, c: 0, d: 1, tx: Double(width - 1), ty: 0).after(transform)
        }
        if flipVertically && Bool.random(using: &generator) {
            transform = AffineMap(a: 1, b: 0, c: 0, d: -1, tx: 0, ty: Double(height - 1)).after(transform)
        }
        let stretchFactor = uniform(stretch)
        let zoomFactor = uniform(zoom)
        if stretchFactor != 1 || zoomFactor != 1 {
            transform = AffineMap.scaling(x: zoomFactor * stretchFactor, y: zoomFactor, about: center).after(transform)
        }
        let shear = symmetric(shearDegrees)
        if shear != 0 { transform = AffineMap.shear(degrees: shear, about: center).after(transform) }
        let rotation = symmetric(rotationDegrees)
        if rotation != 0 { transform = AffineMap.rotation(degrees: rotation, about: center).after(transform) }
        let dx = symmetric(shiftPixels) + symmetric(shiftFraction) * Double(width)
        let dy = symmetric(shiftPixels) + symmetric(shiftFraction) * Double(height)
        if dx != 0 || dy != 0 { transform = AffineMap.translation(x: dx, y: dy).after(transform) }
        return transform
    }

    /// A random variant of `image`.
    public func apply<G: RandomNumberGenerator>(to image: Image, using generator: inout G) -> Image {
        let transform = drawTransform(width: image.width, height: image.height, using: &generator)
        return image.transformed(by: transform, fill: fill)
    }

    /// Replaces each of `count` grey `width × height` images in `images` (intensities, one image
    /// after another) by a random variant, in place. `scratch` must hold one image; nothing else
    /// is allocated, so this can run on every training batch.
    public func apply<G: RandomNumberGenerator>(
        toImages images: UnsafeMutableBufferPointer<Float>, count: Int,
        width: Int, height: Int,
        scratch: UnsafeMutableBufferPointer<Float>, using generator: inout G
    ) {
        let size = width * height
        precondition(
            images.count >= count * size && scratch.count >= size,
            "\(count) images of \(width) × \(height) need \(count * size) values and a scratch of \(size).")
        for index in 0..<count {
            let transform = drawTransform(width: width, height: height, using: &generator)
            guard transform != .identity, let inverse = transform.inverse else { continue }
            let image = UnsafeMutableBufferPointer(rebasing: images[index * size..<(index + 1) * size])
            _ = scratch.update(fromContentsOf: image)
            Resampler.resample(
                UnsafeBufferPointer(rebasing: scratch[0..<size]), into: image, width: width,
                height: height, channels: 1, inverse: inverse, fill: fill, fullScale: 1)
        }
    }
}
