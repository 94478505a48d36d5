// Wrong: valid padding counts the steps between window positions, (input − kernel) / stride, not the positions
// The check says: a 3-wide kernel on 28 pixels
func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    if samePadding { return (input + stride - 1) / stride }
    guard kernel <= input else { return nil }
    return (input - kernel) / stride
}
