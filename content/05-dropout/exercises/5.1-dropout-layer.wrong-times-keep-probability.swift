// Wrong: kept inputs multiplied by (1 − rate), the original paper's inference rule, instead of divided by it
// The check says: dropoutForward([2, 4, 6, 8], mask: [1, 0, 1, 1], rate: 0.25, training: true)[0]
func dropoutForward(_ input: [Float], mask: [Float], rate: Float, training: Bool) -> [Float] {
    guard training else { return input }
    let scale = 1 - rate
    return zip(input, mask).map { $0 * $1 * scale }
}

func dropoutBackward(_ outputGradient: [Float], mask: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return zip(outputGradient, mask).map { $0 * $1 * scale }
}
