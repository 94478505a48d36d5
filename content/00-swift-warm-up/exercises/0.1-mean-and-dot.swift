/// Exercise 0.1 · Mean and dot product
///
/// Two functions on arrays of Float, which Python would write with sum, len and zip:
///
///     def mean(values):                       # None for an empty list
///         return sum(values) / len(values) if values else None
///
///     def dot(a, b):
///         return sum(x * y for x, y in zip(a, b))
///
/// In Swift, `values.reduce(0, +)` is sum(values), `zip(a, b)` pairs two arrays as Python's
/// zip does, and `Float?` means "a Float, or nil": Python's None, allowed only where the type
/// says so. A mean is a Float but `values.count` is an Int, and Swift converts one number type
/// to another only when you ask: `Float(values.count)`.
///
///     mean([1, 2, 3, 4])           →  2.5
///     mean([])                     →  nil
///     dot([1, 2, 3], [4, 5, 6])    →  32.0     (1·4 + 2·5 + 3·6)
///
/// Write both, then run `lesson check 0.1`. Nothing in chapter 0 needs NNKit.
func mean(_ values: [Float]) -> Float? {
    // TODO: nil for an empty array; otherwise the total divided by the count.
    return 0
}

func dot(_ a: [Float], _ b: [Float]) -> Float {
    // TODO: the sum of the products of the pairs that zip(a, b) gives.
    return 0
}
