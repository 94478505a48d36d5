func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    if samePadding { return (input + stride - 1) / stride }
    guard kernel <= input else { return nil }
    return (input - kernel) / stride + 1
}
