// Wrong: the weights move but the bias stays where it was
// The check says: learningRate: 0.1), bias
func perceptronUpdate(weights: [Float], bias: Float, input: [Float], target: Float,
                      learningRate: Float) -> (weights: [Float], bias: Float) {
    let error = target - perceptronOutput(weights: weights, bias: bias, input: input)
    let moved = zip(weights, input).map { weight, x in weight + learningRate * error * x }
    return (moved, bias)
}

/// The perceptron's answer for one input, step(w · x + b).
func perceptronOutput(weights: [Float], bias: Float, input: [Float]) -> Float {
    var sum = bias
    for i in weights.indices { sum += weights[i] * input[i] }
    return sum > 0 ? 1 : 0
}
