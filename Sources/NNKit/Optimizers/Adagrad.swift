/// Adagrad, as Keras 3: each weight's step shrinks with the sum of its squared gradients.
///
/// `a ← a + g²`, `w ← w − lr · g / sqrt(a + ε)`.
/// State: the accumulator `a` per weight, starting at `initialAccumulatorValue`.
/// Defaults as Keras: `learningRate = 0.001`, `initialAccumulatorValue = 0.1`, `epsilon = 1e-7`.
public final class Adagrad: Optimizer {
    public var learningRate: Float
    public let initialAccumulatorValue: Float
    public let epsilon: Float
    private var driver = OptimizerDriver()

    public init(learningRate: Float = 0.001, initialAccumulatorValue: Float = 0.1, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public var typeName: String { "Adagrad" }
    public var iterations: Int { driver.iterations }
    public var learningRateSchedule: (any LearningRateSchedule)? {
        get { driver.schedule }
        set { driver.schedule = newValue }
    }

    public func step(_ parameters: [Parameter]) {
        let lr = driver.beginStep(learningRate: learningRate).learningRate
        let epsilon = epsilon
        driver.update(parameters, stateCount: 1, initial: initialAccumulatorValue) { w, g, a in
            for i in g.indices {
                a[i] += g[i] * g[i]
                w[i] -= lr * g[i] / (a[i] + epsilon).squareRoot()
            }
        }
    }
}
