/// Exercise 1.4 · The perceptron's training loop
///
/// Exercise 1.2 was one update. Training is that update repeated: go through the four samples
/// in order, update after each, and start over, until a whole pass makes no mistake (or
/// `maximumEpochs` passes have run). Rosenblatt proved that when a line can separate the classes,
/// this loop always stops; for XOR it never does.
///
/// The prediction is the step of the weighted sum, `w1·x1 + w2·x2 + b > 0 ? 1 : 0`; the update
/// moves each weight by `learningRate · (target − prediction) · input` (the bias's input is 1).
/// Start from weights [0, 0] and bias 0. Return the weights, the bias, and the number of epochs
/// run, counting the final pass that made no mistake. Then run `lesson check 1.4`.
func trainPerceptron(inputs: [[Float]], targets: [Float], learningRate: Float, maximumEpochs: Int)
    -> (weights: [Float], bias: Float, epochs: Int) {
    // TODO: passes over the samples, updating after each, until a pass makes no mistake.
    return ([0, 0], 0, 0)
}
