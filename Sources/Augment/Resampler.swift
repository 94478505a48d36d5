/// Resamples a picture stored as `Float`s (row after row, `channels` per pixel) through an
/// inverse map: output pixel `p` takes the bilinear blend of the source around `inverse(p)`.
/// Source and destination are distinct buffers; `fullScale` is the sample value of full
/// intensity (255 for bytes, 1 for intensities), which a constant fill is multiplied by.
enum Resampler {
    static func resample(
        _ source: UnsafeBufferPointer<Float>, into destination: UnsafeMutableBufferPointer<Float>,
        width: Int, height: Int, channels: Int, inverse: AffineMap, fill: FillMode,
        fullScale: Float
    ) {
        let constant: Float = {
            if case .constant(let value) = fill { return value * fullScale }
            return 0
        }()
        for y in 0..<height {
            // Walk along a row: the source point moves by (a, c) per pixel.
            var sx = inverse.b * Double(y) + inverse.tx
            var sy = inverse.d * Double(y) + inverse.ty
            for x in 0..<width {
                let x0 = floorToInt(sx)
                let y0 = floorToInt(sy)
                let fx = Float(sx - Double(x0))
                let fy = Float(sy - Double(y0))
                let target = (y * width + x) * channels
                if x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height {
                    // Every neighbour inside: the common case, without fill lookups.
                    let p00 = (y0 * width + x0) * channels
                    let p10 = p00 + channels
                    let p01 = p00 + width * channels
                    let p11 = p01 + channels
                    for k in 0..<channels {
                        let top = source[p00 + k] + (source[p10 + k] - source[p00 + k]) * fx
                        let bottom = source[p01 + k] + (source[p11 + k] - source[p01 + k]) * fx
                        destination[target + k] = top + (bottom - top) * fy
                    }
                } else {
                    let xs = (fill.index(x0, width), fill.index(x0 + 1, width))
                    let ys = (fill.index(y0, height), fill.index(y0 + 1, height))
                    for k in 0..<channels {
                        func at(_ xi: Int?, _ yi: Int?) -> Float {
                            guard let xi, let yi else { return constant }
                            return source[(yi * width + xi) * channels + k]
                        }
                        // A weight of exactly 0 skips its neighbour, so a sample exactly on the
                        // last row or column does not blend in what lies beyond the edge.
                        let v00 = at(xs.0, ys.0)
                        let top = fx == 0 ? v00 : v00 + (at(xs.1, ys.0) - v00) * fx
                        if fy == 0 {
                            destination[target + k] = top
                            continue
                        }
                        let v01 = at(xs.0, ys.1)
                        let bottom = fx == 0 ? v01 : v01 + (at(xs.1, ys.1) - v01) * fx
                        destination[target + k] = top + (bottom - top) * fy
                    }
                }
                sx += inverse.a
                sy += inverse.c
            }
        }
    }
}

/// ⌊value⌋ by truncation and a correction for negatives: baseline x86-64 has no rounding
/// instruction, and `rounded(.down)` becomes a library call on every pixel.
@inline(__always)
func floorToInt(_ value: Double) -> Int {
    // Far outside any image (or NaN): any index that far away reads as "outside".
    guard value.magnitude < 1e9 else { return value < 0 ? -1_000_000_000 : 1_000_000_000 }
    let truncated = Int(value)
    return Double(truncated) > value ? truncated - 1 : truncated
}
