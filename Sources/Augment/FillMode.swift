/// What a transform shows where it looks beyond the image's edge: Keras's `fill_mode`.
public enum FillMode: Equatable, Sendable {
    /// A constant intensity, from 0 (black) to 1 (white), whatever the pixels are stored as:
    /// Keras's "constant" with its `fill_value` on data scaled to [0, 1]. On 8-bit images it
    /// stands for `value · 255`.
    case constant(Float)
    /// The nearest edge pixel: "nearest" (a a a | a b c d | d d d).
    case nearest
    /// The image mirrored about its edge: "reflect" (d c b a | a b c d | d c b a).
    case reflect
    /// The image repeated: "wrap" (a b c d | a b c d | a b c d).
    case wrap

    /// The in-range index a coordinate outside `0 ..< count` stands for, or nil for "constant".
    @inline(__always)
    func index(_ i: Int, _ count: Int) -> Int? {
        if i >= 0 && i < count { return i }
        switch self {
        case .constant: return nil
        case .nearest: return min(max(i, 0), count - 1)
        case .wrap: return ((i % count) + count) % count
        case .reflect:
            let period = 2 * count
            let folded = ((i % period) + period) % period
            return folded < count ? folded : period - 1 - folded
        }
    }
}
