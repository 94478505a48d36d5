/// Exercise 5.1 · Dropout, forward and backward
///
/// Dropout switches units off at random while training. Keras's version is "inverted": each
/// kept unit is divided by (1 − rate), so the layer's output has the same expected size in
/// training as at inference, where dropout does nothing at all:
///
///     training:   output[i] = input[i] · mask[i] / (1 − rate)     (mask[i] is 1 kept, 0 dropped)
///     inference:  output[i] = input[i]
///
/// Going backward the same mask applies: a dropped unit passed nothing forward, so it gets no
/// gradient; a kept one gets the gradient times 1 / (1 − rate).
///
///     dropoutForward([2, 4, 6, 8], mask: [1, 0, 1, 1], rate: 0.25, training: true)
///         → [2.6667, 0, 8, 10.6667]
///
/// Write both functions, then run `lesson check 5.1`.
func dropoutForward(_ input: [Float], mask: [Float], rate: Float, training: Bool) -> [Float] {
    // TODO: at inference return the input; in training scale the kept inputs by 1 / (1 − rate).
    return []
}

func dropoutBackward(_ outputGradient: [Float], mask: [Float], rate: Float) -> [Float] {
    // TODO: the gradient through the same mask and scale.
    return []
}
