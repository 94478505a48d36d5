// Wrong: the Int division done first and converted after, so 3 / 4 is already 0
// The check says: where the Int division 3 / 4 is 0
func fraction(_ part: Int, of whole: Int) -> Float {
    guard whole != 0 else { return 0 }
    return Float(part / whole)
}

func clip(_ x: Float, to range: ClosedRange<Float> = 0 ... 1) -> Float {
    min(max(x, range.lowerBound), range.upperBound)
}

func normalized(_ pixels: [Int]) -> [Float] {
    pixels.map { fraction($0, of: 255) }
}
