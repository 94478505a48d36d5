// Wrong: min and max swapped in clip, so a value below the range jumps to its top
// The check says: clip(-0.25), with the default range 0 ... 1
func fraction(_ part: Int, of whole: Int) -> Float {
    guard whole != 0 else { return 0 }
    return Float(part) / Float(whole)
}

func clip(_ x: Float, to range: ClosedRange<Float> = 0 ... 1) -> Float {
    max(min(x, range.lowerBound), range.upperBound)
}

func normalized(_ pixels: [Int]) -> [Float] {
    pixels.map { fraction($0, of: 255) }
}
