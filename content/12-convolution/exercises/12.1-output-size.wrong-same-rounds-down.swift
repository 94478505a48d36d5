// Wrong: same padding gives input / stride, rounded down, leaving out the last partial window
// The check says: the last column gets a window of its own
func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    if samePadding { return input / stride }
    guard kernel <= input else { return nil }
    return (input - kernel) / stride + 1
}
