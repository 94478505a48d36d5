// Wrong: the error taken from the raw sum w · x + b (the delta rule) instead of the step's answer
// The check says: learningRate: 0.1), weight 1
func perceptronUpdate(weights: [Float], bias: Float, input: [Float], target: Float,
                      learningRate: Float) -> (weights: [Float], bias: Float) {
    let sum = zip(weights, input).map(*).reduce(bias, +)
    let error = target - sum
    let moved = zip(weights, input).map { weight, x in weight + learningRate * error * x }
    return (moved, bias + learningRate * error)
}

/// The perceptron's answer for one input, step(w · x + b).
func perceptronOutput(weights: [Float], bias: Float, input: [Float]) -> Float {
    var sum = bias
    for i in weights.indices { sum += weights[i] * input[i] }
    return sum > 0 ? 1 : 0
}
