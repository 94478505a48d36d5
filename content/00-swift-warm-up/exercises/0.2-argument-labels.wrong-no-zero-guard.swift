// Wrong: no guard for a whole of 0, so fraction(0, of: 0) is 0 / 0, which is NaN
// The check says: a fraction of nothing, which must not divide by zero
func fraction(_ part: Int, of whole: Int) -> Float {
    Float(part) / Float(whole)
}

func clip(_ x: Float, to range: ClosedRange<Float> = 0 ... 1) -> Float {
    min(max(x, range.lowerBound), range.upperBound)
}

func normalized(_ pixels: [Int]) -> [Float] {
    pixels.map { fraction($0, of: 255) }
}
