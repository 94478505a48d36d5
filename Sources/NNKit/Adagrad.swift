/// Adagrad, as Keras 3: each weight's step shrinks with the sum of its squared gradients.
///
/// `a ← a + g²`, `w ← w − lr · g / sqrt(a + ε)`.
/// Defaults as Keras: `learningRate = 0.001`, `initialAccumulatorValue = 0.1`, `epsilon = 1e-7`.
public final class Adagrad: Optimizer {
    public var learningRate: Float
    public let initialAccumulatorValue: Float
    public let epsilon: Float
    public private(set) var iterations = 0
    private var accumulators = OptimizerSlots()

    public init(learningRate: Float = 0.001, initialAccumulatorValue: Float = 0.1,
                epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public var typeName: String { "Adagrad" }

    public func step(_ parameters: [Parameter]) {
        iterations += 1
        let lr = learningRate
        for parameter in parameters where parameter.isTrainable {
            let g = parameter.gradient.scalars
            accumulators.withSlots(for: parameter, count: 1, initial: initialAccumulatorValue) { accumulator in
                for i in g.indices {
                    accumulator[i] += g[i] * g[i]
                    parameter.value.scalars[i] -= lr * g[i] / (accumulator[i] + epsilon).squareRoot()
                }
            }
        }
    }
}
