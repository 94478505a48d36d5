// Wrong: the gradient masked but not scaled by 1 / (1 − rate), though the forward pass scaled
// The check says: a kept unit: its gradient times 1 / (1 − 0.5)
func dropoutForward(_ input: [Float], mask: [Float], rate: Float, training: Bool) -> [Float] {
    guard training else { return input }
    let scale = 1 / (1 - rate)
    return zip(input, mask).map { $0 * $1 * scale }
}

func dropoutBackward(_ outputGradient: [Float], mask: [Float], rate: Float) -> [Float] {
    zip(outputGradient, mask).map { $0 * $1 }
}
