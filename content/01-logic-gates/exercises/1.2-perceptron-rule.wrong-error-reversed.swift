// Wrong: the error taken as prediction − target, which moves the weights away from the answer
// The check says: learningRate: 0.1), weight 1
func perceptronUpdate(weights: [Float], bias: Float, input: [Float], target: Float,
                      learningRate: Float) -> (weights: [Float], bias: Float) {
    let error = perceptronOutput(weights: weights, bias: bias, input: input) - target
    let moved = zip(weights, input).map { weight, x in weight + learningRate * error * x }
    return (moved, bias + learningRate * error)
}

/// The perceptron's answer for one input, step(w · x + b).
func perceptronOutput(weights: [Float], bias: Float, input: [Float]) -> Float {
    var sum = bias
    for i in weights.indices { sum += weights[i] * input[i] }
    return sum > 0 ? 1 : 0
}
