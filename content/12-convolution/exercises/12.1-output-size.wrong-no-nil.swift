// Wrong: a valid window larger than the input gives a negative count instead of nil
// The check says: expected nothing (nil)
func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    if samePadding { return (input + stride - 1) / stride }
    return (input - kernel) / stride + 1
}
