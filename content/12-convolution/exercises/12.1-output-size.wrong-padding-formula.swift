// Wrong: same padding adds kernel / 2 zeros each side, the formula that fits odd kernels only
// The check says: an even kernel
func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    if samePadding { return (input + 2 * (kernel / 2) - kernel) / stride + 1 }
    guard kernel <= input else { return nil }
    return (input - kernel) / stride + 1
}
