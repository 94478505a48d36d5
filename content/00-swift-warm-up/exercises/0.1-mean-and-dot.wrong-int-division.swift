// Wrong: the total and the count divided as Ints, which throws away the fraction
// The check says: mean([1.0, 2.0, 3.0, 4.0])
func mean(_ values: [Float]) -> Float? {
    guard !values.isEmpty else { return nil }
    return Float(Int(values.reduce(0, +)) / values.count)
}

func dot(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { $0 * $1 }.reduce(0, +)
}
