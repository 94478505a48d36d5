// Wrong: no guard for the empty array, so mean([]) divides 0 by 0 instead of returning nil
// The check says: the mean of no numbers at all
func mean(_ values: [Float]) -> Float? {
    values.reduce(0, +) / Float(values.count)
}

func dot(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { $0 * $1 }.reduce(0, +)
}
