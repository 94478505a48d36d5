// Wrong: every weight moved by learningRate · error without its input x[i], so a weight whose input was 0 moves too
// The check says: learningRate: 0.1), weight 2
func perceptronUpdate(weights: [Float], bias: Float, input: [Float], target: Float,
                      learningRate: Float) -> (weights: [Float], bias: Float) {
    let error = target - perceptronOutput(weights: weights, bias: bias, input: input)
    let moved = weights.map { weight in weight + learningRate * error }
    return (moved, bias + learningRate * error)
}

/// The perceptron's answer for one input, step(w · x + b).
func perceptronOutput(weights: [Float], bias: Float, input: [Float]) -> Float {
    var sum = bias
    for i in weights.indices { sum += weights[i] * input[i] }
    return sum > 0 ? 1 : 0
}
