/// Exercise 0.2 · Argument labels and default values
///
/// Python calls with keywords; Swift with argument labels. A Swift parameter has a label, which
/// the caller writes, and a name, which the body uses: with `of whole: Int` the caller writes
/// `of: 4` and the body says `whole`. The label `_` means the caller writes no label at all.
///
///     def fraction(part, whole):              # fraction(3, 4) → 0.75
///         return part / whole if whole else 0.0
///
///     def clip(x, lo=0.0, hi=1.0):            # clip(1.5) → 1.0
///         return max(lo, min(x, hi))
///
///     def normalized(pixels):                 # normalized([0, 51, 255]) → [0.0, 0.2, 1.0]
///         return [fraction(p, 255) for p in pixels]
///
/// The same calls in Swift:
///
///     fraction(3, of: 4)           →  0.75
///     fraction(0, of: 0)           →  0.0      (not a division by zero)
///     clip(1.5)                    →  1.0      (the range is 0 ... 1 unless the call says)
///     clip(3, to: -1 ... 2)        →  2.0
///     normalized([0, 51, 255])     →  [0.0, 0.2, 1.0]
///
/// Python's / always gives a float. Swift's / between two Ints gives an Int: 3 / 4 is 0.
/// Write the three functions (normalized by calling fraction), then run `lesson check 0.2`.
func fraction(_ part: Int, of whole: Int) -> Float {
    // TODO: part divided by whole, as a Float; 0 when whole is 0.
    return 0
}

func clip(_ x: Float, to range: ClosedRange<Float> = 0 ... 1) -> Float {
    // TODO: x moved into range; range.lowerBound and range.upperBound are its ends.
    return x
}

func normalized(_ pixels: [Int]) -> [Float] {
    // TODO: each pixel (0 to 255) as a fraction of 255, by calling fraction(_:of:).
    return []
}
