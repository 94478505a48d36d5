// Wrong: the mean as the middle of the first and last values, right only for evenly spaced arrays
// The check says: values not evenly spaced
func mean(_ values: [Float]) -> Float? {
    guard let first = values.first, let last = values.last else { return nil }
    return (first + last) / 2
}

func dot(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { $0 * $1 }.reduce(0, +)
}
