// Wrong: training stops when the last sample of a pass is right, not when the whole pass is
// The check says: what the weights answer when it stops
func trainPerceptron(inputs: [[Float]], targets: [Float], learningRate: Float, maximumEpochs: Int)
    -> (weights: [Float], bias: Float, epochs: Int) {
    var weights: [Float] = [0, 0]
    var bias: Float = 0
    for epoch in 1 ... maximumEpochs {
        var lastError: Float = 0
        for (input, target) in zip(inputs, targets) {
            let prediction: Float = zip(weights, input).map(*).reduce(bias, +) > 0 ? 1 : 0
            let error = target - prediction
            lastError = error
            weights = zip(weights, input).map { $0 + learningRate * error * $1 }
            bias += learningRate * error
        }
        if lastError == 0 { return (weights, bias, epoch) }
    }
    return (weights, bias, maximumEpochs)
}
