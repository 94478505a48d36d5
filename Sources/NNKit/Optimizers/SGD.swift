/// Stochastic gradient descent, optionally with (Nesterov) momentum, as Keras 3:
///
/// - without momentum: `w ← w − lr · g`;
/// - with momentum: `v ← momentum · v − lr · g`, then `w ← w + v`;
/// - Nesterov: the same `v`, then `w ← w + momentum · v − lr · g`.
///
/// State: the velocity `v` per weight (none without momentum).
/// Defaults as Keras: `learningRate = 0.01`, `momentum = 0`, `nesterov = false`.
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float
    public let nesterov: Bool
    private var driver = OptimizerDriver()

    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
        precondition(momentum >= 0 && momentum <= 1, "SGD's momentum must be in [0, 1], got \(momentum).")
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public var typeName: String { "SGD" }
    public var iterations: Int { driver.iterations }
    public var learningRateSchedule: (any LearningRateSchedule)? {
        get { driver.schedule }
        set { driver.schedule = newValue }
    }

    public func step(_ parameters: [Parameter]) {
        let lr = driver.beginStep(learningRate: learningRate).learningRate
        let (momentum, nesterov) = (momentum, nesterov)
        driver.update(parameters, stateCount: momentum == 0 ? 0 : 1) { w, g, v in
            for i in g.indices {
                if momentum == 0 {
                    w[i] -= lr * g[i]
                } else {
                    v[i] = momentum * v[i] - lr * g[i]
                    w[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i]
                }
            }
        }
    }
}
