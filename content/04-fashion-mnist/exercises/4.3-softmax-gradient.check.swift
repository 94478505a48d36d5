import ExerciseKit

@main
enum SoftmaxGradientCheck: ExerciseCheck {
    static func run() throws {
        // Two equal logits, label 0, a batch of one: p = [0.5, 0.5], gradient [0.5 − 1, 0.5].
        ExerciseKit.expectClose(Matrix(crossentropyGradient(logits: [[0, 0]], labels: [0])), Matrix([[-0.5, 0.5]]),
                                given: "crossentropyGradient(logits: [[0, 0]], labels: [0]), a batch of 1: the softmax [0.5, 0.5] minus 1 at the label")
        // The same row twice: each row's gradient is halved by the mean over the batch.
        ExerciseKit.expectClose(Matrix(crossentropyGradient(logits: [[0, 0], [0, 0]], labels: [0, 1])),
                                Matrix([[-0.25, 0.25], [0.25, -0.25]]),
                                given: "crossentropyGradient(logits: [[0, 0], [0, 0]], labels: [0, 1]) (a batch of 2)")
        // Huge logits must not overflow.
        let huge = crossentropyGradient(logits: [[1000, 0, -1000]], labels: [1])
        ExerciseKit.expect(huge.flatMap { $0 }.allSatisfy(\.isFinite), given: "crossentropyGradient(logits: [[1000, 0, -1000]], labels: [1])",
                           expected: "finite numbers", got: "\(huge)")

        // Beside NNKit: softmax then sparse categorical cross-entropy, the gradient carried back
        // through the softmax layer, on a batch of 4 × 10.
        var generator = RandomGenerator(seed: 21)
        let logits = (0 ..< 4).map { _ in (0 ..< 10).map { _ in generator.nextNormal() * 3 } }
        let labels = [3, 0, 9, 3]
        let softmax = Activation(.softmax)
        softmax.build(inputSize: 10, generator: &generator)
        let probabilities = softmax.forward(Matrix(logits), training: true)
        var lossGradient = Matrix(rows: 0, columns: 0)
        _ = SparseCategoricalCrossentropy().value(predictions: probabilities, targets: Matrix(column: labels.map(Float.init)),
                                                  gradient: &lossGradient)
        let reference = softmax.backward(lossGradient)
        ExerciseKit.expectClose(Matrix(crossentropyGradient(logits: logits, labels: labels)), reference, tolerance: 1e-3,
                                given: "crossentropyGradient on a batch of 4 × 10, beside NNKit's softmax + cross-entropy")
    }
}
