/// Exercise 1.2 · The perceptron learning rule
///
/// Rosenblatt's perceptron (1958) learns from one example at a time. It answers, compares its
/// answer with the target, and moves its weights toward the right answer:
///
///     prediction = step(w · x + b)                 (use perceptronOutput below)
///     error      = target − prediction             (−1, 0 or +1)
///     w[i]       ← w[i] + learningRate · error · x[i]
///     b          ← b + learningRate · error
///
/// When the answer is right the error is 0 and nothing moves. Chapter 1 trains with gradient
/// descent on squared error instead; this older rule ends with the same kind of line. The
/// grader checks single updates, then trains AND, OR and NAND with your rule.
///
/// Write `perceptronUpdate`, then run `lesson check 1.2`.
func perceptronUpdate(weights: [Float], bias: Float, input: [Float], target: Float,
                      learningRate: Float) -> (weights: [Float], bias: Float) {
    // TODO: compute the prediction and the error, then return the moved weights and bias.
    return (weights, bias)
}

/// The perceptron's answer for one input, step(w · x + b). Given: use it above.
func perceptronOutput(weights: [Float], bias: Float, input: [Float]) -> Float {
    var sum = bias
    for i in weights.indices { sum += weights[i] * input[i] }
    return sum > 0 ? 1 : 0
}
