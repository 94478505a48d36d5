// Wrong: dot as the sum of a times the sum of b, instead of the sum of the pairs' products
// The check says: dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
func mean(_ values: [Float]) -> Float? {
    guard !values.isEmpty else { return nil }
    return values.reduce(0, +) / Float(values.count)
}

func dot(_ a: [Float], _ b: [Float]) -> Float {
    a.reduce(0, +) * b.reduce(0, +)
}
