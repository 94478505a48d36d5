/// Exercise 0.1 · Mean and dot product (reference solution)
func mean(_ values: [Float]) -> Float? {
    guard !values.isEmpty else { return nil }
    return values.reduce(0, +) / Float(values.count)
}

func dot(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { $0 * $1 }.reduce(0, +)
}
