import ExerciseKit

@main
enum SoftmaxCrossentropyCheck: ExerciseCheck {
    static func run() throws {
        // softmax([0, ln 2, ln 3]) = [1, 2, 3] / 6.
        let simple = softmax([0, 0.6931472, 1.0986123])
        ExerciseKit.expect(simple.count == 3, given: "softmax([0, ln 2, ln 3])", expected: "3 probabilities", got: "\(simple.count)")
        for (i, expected) in ([1, 2, 3] as [Float]).map({ $0 / 6 }).enumerated() {
            ExerciseKit.expectClose(simple[i], expected, given: "softmax([0, ln 2, ln 3])[\(i)]")
        }
        // Equal logits share equally; adding a constant changes nothing.
        let shifted = softmax([1000, 1001, 1002])
        ExerciseKit.expect(shifted.allSatisfy { $0.isFinite }, given: "softmax([1000, 1001, 1002])",
               expected: "finite probabilities (subtract the largest logit first)", got: "\(shifted)")
        let reference = softmax([0, 1, 2])
        for i in 0 ..< 3 {
            ExerciseKit.expectClose(shifted[i], reference[i], given: "softmax([1000, 1001, 1002])[\(i)] against softmax([0, 1, 2])[\(i)]")
        }
        let negative = softmax([-1000, 0])
        ExerciseKit.expectClose(negative[1], 1, given: "softmax([-1000, 0])[1]")
        // Against NNKit's softmax layer on ten random logits.
        var generator = RandomGenerator(seed: 5)
        let logits = (0 ..< 10).map { _ in generator.nextNormal() * 3 }
        let layer = Activation(.softmax)
        layer.build(inputSize: 10, generator: &generator)
        let nnkit = layer.forward(Matrix(row: logits), training: false).scalars
        let yours = softmax(logits)
        for i in 0 ..< 10 {
            ExerciseKit.expectClose(yours[i], nnkit[i], given: "softmax of ten random logits, element \(i), beside NNKit's")
        }

        // Cross-entropy: −log 0.5 = 0.6931472; −log 0.25 = 1.3862944; clipped at 1e-7: 16.118095.
        let cases: [([Float], Int, Float, String)] = [
            ([0.5, 0.25, 0.25], 0, 0.6931472, ", −log 0.5, a positive loss"),
            ([0.5, 0.25, 0.25], 1, 1.3862944, ""),
            ([0, 1, 0], 0, 16.118095, ", where p[label] = 0 is clipped up to 1e-7"),
        ]
        for (probabilities, label, expected, note) in cases {
            ExerciseKit.expectClose(sparseCategoricalCrossentropy(probabilities: probabilities, label: label), expected,
                        tolerance: 1e-3, given: "sparseCategoricalCrossentropy(probabilities: \(probabilities), label: \(label))" + note)
        }
        // A sure right answer: p[label] = 1 is clipped down to 1 − 1e-7, so the loss is just above 0
        // (−log(1 − 1e-7) ≈ 1.2e-7 in Float), as Keras's never reaches 0.
        let sure = sparseCategoricalCrossentropy(probabilities: [0, 1, 0], label: 1)
        ExerciseKit.expect(sure > 0 && sure < 1e-6, given: "sparseCategoricalCrossentropy(probabilities: [0, 1, 0], label: 1)",
                           expected: "a loss just above 0, about 1.2e-7: p[label] = 1 is clipped down to 1 − 1e-7",
                           got: "\(sure)")
        // The mean over a batch equals NNKit's loss, which is Keras's.
        let batch = (0 ..< 4).map { _ in softmax((0 ..< 10).map { _ in generator.nextNormal() }) }
        let labels = [3, 0, 9, 3]
        let mean = zip(batch, labels).map { sparseCategoricalCrossentropy(probabilities: $0, label: $1) }.reduce(0, +) / 4
        let keras = SparseCategoricalCrossentropy().value(
            predictions: Matrix(batch), targets: Matrix(column: labels.map(Float.init)))
        ExerciseKit.expectClose(mean, keras, given: "the mean of your loss over a batch of 4, beside NNKit's (Keras's) value")
    }
}
