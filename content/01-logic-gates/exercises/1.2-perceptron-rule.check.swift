import ExerciseKit

@main
enum PerceptronRuleCheck: ExerciseCheck {
    static func run() throws {
        // Hand-worked single steps with learning rate 0.1.
        // w = (0, 0), b = 0, x = (1, 1), target 1: prediction step(0) = 0, error +1 → w = (0.1, 0.1), b = 0.1.
        // w = (0.5, 0.5), b = 0, x = (1, 0), target 0: prediction 1, error −1 → w = (0.4, 0.5), b = −0.1.
        // w = (0.5, 0.5), b = 0, x = (1, 1), target 1: prediction 1, error 0 → unchanged.
        let cases: [([Float], Float, [Float], Float, [Float], Float)] = [
            ([0, 0], 0, [1, 1], 1, [0.1, 0.1], 0.1),
            ([0.5, 0.5], 0, [1, 0], 0, [0.4, 0.5], -0.1),
            ([0.5, 0.5], 0, [1, 1], 1, [0.5, 0.5], 0),
        ]
        for (weights, bias, input, target, expectedWeights, expectedBias) in cases {
            let given = "perceptronUpdate(weights: \(weights), bias: \(bias), input: \(input), target: \(target), learningRate: 0.1)"
            let (newWeights, newBias) = perceptronUpdate(weights: weights, bias: bias, input: input,
                                                         target: target, learningRate: 0.1)
            ExerciseKit.expect(newWeights.count == 2, given: given, expected: "2 weights", got: "\(newWeights.count)")
            for i in 0 ..< 2 {
                ExerciseKit.expectClose(newWeights[i], expectedWeights[i], given: given + ", weight \(i + 1)")
            }
            ExerciseKit.expectClose(newBias, expectedBias, given: given + ", bias")
        }
        // Trained with your rule, one example at a time, the perceptron learns each gate.
        let inputs: [[Float]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let gates: [(String, [Float])] = [("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("NAND", [1, 1, 1, 0])]
        for (name, targets) in gates {
            var weights: [Float] = [0, 0]
            var bias: Float = 0
            for _ in 0 ..< 20 {
                for (input, target) in zip(inputs, targets) {
                    (weights, bias) = perceptronUpdate(weights: weights, bias: bias, input: input,
                                                       target: target, learningRate: 0.1)
                }
            }
            let answers = inputs.map { perceptronOutput(weights: weights, bias: bias, input: $0) }
            ExerciseKit.expect(answers == targets,
                   given: "20 epochs of your rule on \(name), from w = (0, 0), b = 0, learning rate 0.1",
                   expected: "answers \(targets.map { Int($0) })",
                   got: "answers \(answers.map { Int($0) }) with w = \(weights), b = \(bias)")
        }
    }
}
