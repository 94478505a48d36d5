/// Exact, deterministic geometry. Flips and quarter turns move pixels without resampling;
/// the rest map each output pixel back into the source and blend its four neighbours
/// (bilinear), filling what falls outside as `fill` says. Every transform keeps the size.
extension Image {
    /// The centre of the pixel grid, `((width − 1) / 2, (height − 1) / 2)`.
    public var center: (x: Double, y: Double) {
        (Double(width - 1) / 2, Double(height - 1) / 2)
    }

    /// Mirrored left to right.
    public func flippedHorizontally() -> Image {
        remapped { x, y in (width - 1 - x, y) }
    }

    /// Mirrored top to bottom.
    public func flippedVertically() -> Image {
        remapped { x, y in (x, height - 1 - y) }
    }

    /// Turned counter-clockwise by `turns` quarter turns, exactly; an odd number of turns swaps
    /// width and height.
    public func rotatedQuarterTurns(_ turns: Int) -> Image {
        let k = ((turns % 4) + 4) % 4
        if k == 0 { return self }
        let (w, h) = k % 2 == 1 ? (height, width) : (width, height)
        var result = Image(width: w, height: h, channels: channels)
        for y in 0..<h {
            for x in 0..<w {
                // The source pixel each output pixel comes from, for a counter-clockwise turn.
                let (sx, sy): (Int, Int)
                switch k {
                case 1: (sx, sy) = (width - 1 - y, x)
                case 2: (sx, sy) = (width - 1 - x, height - 1 - y)
                default: (sx, sy) = (y, height - 1 - x)
                }
                for c in 0..<channels {
                    result.pixels[(y * w + x) * channels + c] = pixels[(sy * width + sx) * channels + c]
                }
            }
        }
        return result
    }

    /// Rotated counter-clockwise by `degrees` about the centre (bilinear).
    public func rotated(byDegrees degrees: Double, fill: FillMode = .constant(0)) -> Image {
        transformed(by: .rotation(degrees: degrees, about: center), fill: fill)
    }

    /// Moved `x` pixels right and `y` pixels down; fractions of a pixel blend neighbours.
    public func shifted(x: Double, y: Double, fill: FillMode = .constant(0)) -> Image {
        transformed(by: .translation(x: x, y: y), fill: fill)
    }

    /// Moved by fractions of the size: `shifted(byFractionX: 0.1, y: 0)` moves a tenth of the
    /// width to the right, as Keras's RandomTranslation counts.
    public func shifted(byFractionX fractionX: Double, y fractionY: Double, fill: FillMode = .constant(0)) -> Image {
        shifted(x: fractionX * Double(width), y: fractionY * Double(height), fill: fill)
    }

    /// Enlarged (`factor` above 1) or shrunk about the centre, keeping the size: a zoom in or out.
    public func zoomed(by factor: Double, fill: FillMode = .constant(0)) -> Image {
        precondition(factor > 0, "A zoom factor must be positive, got \(factor).")
        return transformed(by: .scaling(x: factor, y: factor, about: center), fill: fill)
    }

    /// Stretched by `x` across and `y` down about the centre.
    public func stretched(x: Double, y: Double, fill: FillMode = .constant(0)) -> Image {
        precondition(x > 0 && y > 0, "Stretch factors must be positive, got \(x) and \(y).")
        return transformed(by: .scaling(x: x, y: y, about: center), fill: fill)
    }

    /// Sheared horizontally by `degrees` about the centre.
    public func sheared(byDegrees degrees: Double, fill: FillMode = .constant(0)) -> Image {
        precondition(abs(degrees) < 90, "A shear must be less than 90°, got \(degrees)°.")
        return transformed(by: .shear(degrees: degrees, about: center), fill: fill)
    }

    /// The picture moved by `transform` (a map from source to output coordinates), resampled
    /// bilinearly. A constant fill is an intensity from 0 to 1, as everywhere (0.5 fills 128).
    public func transformed(by transform: AffineMap, fill: FillMode = .constant(0)) -> Image {
        guard let inverse = transform.inverse else {
            fatalError("This transform flattens the image (its determinant is 0).")
        }
        let source = pixels.map(Float.init)
        var result = [Float](repeating: 0, count: source.count)
        source.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                Resampler.resample(
                    input, into: output, width: width, height: height, channels: channels,
                    inverse: inverse, fill: fill, fullScale: 255)
            }
        }
        return Image(
            width: width, height: height, channels: channels,
            pixels: result.map { UInt8(min(max($0.rounded(), 0), 255)) })
    }

    private func remapped(_ source: (Int, Int) -> (Int, Int)) -> Image {
        var result = Image(width: width, height: height, channels: channels)
        for y in 0..<height {
            for x in 0..<width {
                let (sx, sy) = source(x, y)
                for c in 0..<channels {
                    result.pixels[(y * width + x) * channels + c] = pixels[(sy * width + sx) * channels + c]
                }
            }
        }
        return result
    }
}
