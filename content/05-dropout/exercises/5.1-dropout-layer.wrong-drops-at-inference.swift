// Wrong: the mask applied whatever training says, so inference drops units too
// The check says: at inference nothing is dropped
func dropoutForward(_ input: [Float], mask: [Float], rate: Float, training: Bool) -> [Float] {
    let scale = 1 / (1 - rate)
    return zip(input, mask).map { $0 * $1 * scale }
}

func dropoutBackward(_ outputGradient: [Float], mask: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return zip(outputGradient, mask).map { $0 * $1 * scale }
}
