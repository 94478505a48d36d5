// Wrong: no stop when a pass makes no mistake: it always runs maximumEpochs
// The check says: it stops before 100 epochs
func trainPerceptron(inputs: [[Float]], targets: [Float], learningRate: Float, maximumEpochs: Int)
    -> (weights: [Float], bias: Float, epochs: Int) {
    var weights: [Float] = [0, 0]
    var bias: Float = 0
    for _ in 1 ... maximumEpochs {
        for (input, target) in zip(inputs, targets) {
            let prediction: Float = zip(weights, input).map(*).reduce(bias, +) > 0 ? 1 : 0
            let error = target - prediction
            weights = zip(weights, input).map { $0 + learningRate * error * $1 }
            bias += learningRate * error
        }
    }
    return (weights, bias, maximumEpochs)
}
