// Wrong: the updates of a pass added up and applied once at its end, instead of after each sample
// The check says: updated after every sample
func trainPerceptron(inputs: [[Float]], targets: [Float], learningRate: Float, maximumEpochs: Int)
    -> (weights: [Float], bias: Float, epochs: Int) {
    var weights: [Float] = [0, 0]
    var bias: Float = 0
    for epoch in 1 ... maximumEpochs {
        var mistakes = 0
        var weightChange: [Float] = [0, 0]
        var biasChange: Float = 0
        for (input, target) in zip(inputs, targets) {
            let prediction: Float = zip(weights, input).map(*).reduce(bias, +) > 0 ? 1 : 0
            let error = target - prediction
            if error != 0 { mistakes += 1 }
            weightChange = zip(weightChange, input).map { $0 + learningRate * error * $1 }
            biasChange += learningRate * error
        }
        if mistakes == 0 { return (weights, bias, epoch) }
        weights = zip(weights, weightChange).map(+)
        bias += biasChange
    }
    return (weights, bias, maximumEpochs)
}
