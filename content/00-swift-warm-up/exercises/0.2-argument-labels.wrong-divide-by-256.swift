// Wrong: pixels divided by 256 (the number of grey levels) instead of 255 (the largest pixel)
// The check says: normalized([0, 51, 255])
func fraction(_ part: Int, of whole: Int) -> Float {
    guard whole != 0 else { return 0 }
    return Float(part) / Float(whole)
}

func clip(_ x: Float, to range: ClosedRange<Float> = 0 ... 1) -> Float {
    min(max(x, range.lowerBound), range.upperBound)
}

func normalized(_ pixels: [Int]) -> [Float] {
    pixels.map { fraction($0, of: 256) }
}
