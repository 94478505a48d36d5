// Wrong: a window exactly as wide as the input is said not to fit (< for <=)
// The check says: a kernel exactly the size of the input
func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    if samePadding { return (input + stride - 1) / stride }
    guard kernel < input else { return nil }
    return (input - kernel) / stride + 1
}
