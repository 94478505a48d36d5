import ExerciseKit

@main
enum TrainingLoopCheck: ExerciseCheck {
    static func run() throws {
        let inputs: [[Float]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        func predictions(_ result: (weights: [Float], bias: Float, epochs: Int)) -> [Float] {
            inputs.map { zip(result.weights, $0).map(*).reduce(result.bias, +) > 0 ? 1 : 0 }
        }
        // Worked by hand for AND at rate 0.5: five passes with mistakes, then a sixth without,
        // ending at weights [1, 0.5], bias −1.
        let and = trainPerceptron(inputs: inputs, targets: [0, 0, 0, 1], learningRate: 0.5, maximumEpochs: 100)
        ExerciseKit.expectEqual(predictions(and), [0, 0, 0, 1], given: "trainPerceptron on AND: what the learned weights answer")
        // The second pass by hand: from w = [0.5, 0.5], b = 0.5, (0,0) and (0,1) are wrong in turn and
        // each moves the weights before the next sample is seen, giving w = [1, 0.5] after (1,1).
        // Updates summed over the pass and applied at its end would give [0, 0].
        let twoPasses = trainPerceptron(inputs: inputs, targets: [0, 0, 0, 1], learningRate: 0.5, maximumEpochs: 2)
        ExerciseKit.expectClose(twoPasses.weights, [1, 0.5],
                                given: "trainPerceptron on AND, rate 0.5, maximumEpochs 2: the weights, updated after every sample")
        for (name, targets) in [("OR", [Float(0), 1, 1, 1]), ("NAND", [1, 1, 1, 0])] {
            let result = trainPerceptron(inputs: inputs, targets: targets, learningRate: 0.1, maximumEpochs: 100)
            ExerciseKit.expectEqual(predictions(result), targets, given: "trainPerceptron on \(name), rate 0.1: what the weights answer when it stops")
            ExerciseKit.expect(result.epochs < 100, given: "trainPerceptron on \(name)", expected: "it stops before 100 epochs",
                               got: "\(result.epochs) epochs")
        }
        ExerciseKit.expectEqual(and.epochs, 6, given: "trainPerceptron on AND, rate 0.5: epochs run, the last without a mistake")
        ExerciseKit.expectClose(and.weights, [1, 0.5], given: "trainPerceptron on AND, rate 0.5: the weights")
        ExerciseKit.expectClose(and.bias, -1, given: "trainPerceptron on AND, rate 0.5: the bias")
        // XOR: no line, so the loop never finds a pass without mistakes.
        let xor = trainPerceptron(inputs: inputs, targets: [0, 1, 1, 0], learningRate: 0.1, maximumEpochs: 50)
        ExerciseKit.expectEqual(xor.epochs, 50, given: "trainPerceptron on XOR with at most 50 epochs")
        ExerciseKit.expect(predictions(xor) != [0, 1, 1, 0], given: "trainPerceptron on XOR", expected: "some sample still wrong",
                           got: "all four right, which no line can do")
    }
}
