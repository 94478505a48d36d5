/// Exercise 2.3 · Why the loss sticks at 0.25
///
/// Chapter 2's neuron ends with every output near 0.5 and a loss of 0.25. The loss is the mean
/// squared error over the samples,
///
///     loss = (1/n) · Σ (output − target)²
///
/// Write `meanSquaredError`, then `bestConstant`: the single number c that, output for every
/// sample, gives the lowest mean squared error (hint: the derivative of the loss in c). For
/// XOR's targets [0, 1, 1, 0] it is what the stuck neuron outputs. Then run `lesson check 2.3`.
func meanSquaredError(outputs: [Float], targets: [Float]) -> Float {
    // TODO: the mean of (output − target)² over the samples.
    return 0
}

func bestConstant(targets: [Float]) -> Float {
    // TODO: the c with the lowest mean squared error when every output is c.
    return 0
}
