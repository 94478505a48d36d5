/// Exercise 5.1 · Dropout, forward and backward (reference solution)
func dropoutForward(_ input: [Float], mask: [Float], rate: Float, training: Bool) -> [Float] {
    guard training else { return input }
    let scale = 1 / (1 - rate)
    return zip(input, mask).map { $0 * $1 * scale }
}

func dropoutBackward(_ outputGradient: [Float], mask: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return zip(outputGradient, mask).map { $0 * $1 * scale }
}
