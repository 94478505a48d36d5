// Wrong: the gradient scaled but not masked, so dropped units get a gradient for what they never passed on
// The check says: a dropped unit: no gradient
func dropoutForward(_ input: [Float], mask: [Float], rate: Float, training: Bool) -> [Float] {
    guard training else { return input }
    let scale = 1 / (1 - rate)
    return zip(input, mask).map { $0 * $1 * scale }
}

func dropoutBackward(_ outputGradient: [Float], mask: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return outputGradient.map { $0 * scale }
}
