// Wrong: the bias never updated, so every line must pass through the origin
// The check says: what the learned weights answer
func trainPerceptron(inputs: [[Float]], targets: [Float], learningRate: Float, maximumEpochs: Int)
    -> (weights: [Float], bias: Float, epochs: Int) {
    var weights: [Float] = [0, 0]
    let bias: Float = 0
    for epoch in 1 ... maximumEpochs {
        var mistakes = 0
        for (input, target) in zip(inputs, targets) {
            let prediction: Float = zip(weights, input).map(*).reduce(bias, +) > 0 ? 1 : 0
            let error = target - prediction
            if error != 0 { mistakes += 1 }
            weights = zip(weights, input).map { $0 + learningRate * error * $1 }
        }
        if mistakes == 0 { return (weights, bias, epoch) }
    }
    return (weights, bias, maximumEpochs)
}
