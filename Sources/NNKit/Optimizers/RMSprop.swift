/// RMSprop, as Keras 3: a running average of squared gradients scales each step.
///
/// `s ← rho · s + (1 − rho) · g²`, `Δ = lr · g / sqrt(s + ε)`; then `w ← w − Δ`, or with
/// momentum `m ← momentum · m + Δ`, `w ← w − m`. (ε sits inside the square root, as Keras 3.)
/// State: the mean square `s` per weight, and `m` with momentum.
/// Defaults as Keras: `learningRate = 0.001`, `rho = 0.9`, `momentum = 0`, `epsilon = 1e-7`.
public final class RMSprop: Optimizer {
    public var learningRate: Float
    public let rho: Float
    public let momentum: Float
    public let epsilon: Float
    private var driver = OptimizerDriver()

    public init(learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var typeName: String { "RMSprop" }
    public var iterations: Int { driver.iterations }
    public var learningRateSchedule: (any LearningRateSchedule)? {
        get { driver.schedule }
        set { driver.schedule = newValue }
    }

    public func step(_ parameters: [Parameter]) {
        let lr = driver.beginStep(learningRate: learningRate).learningRate
        let (rho, momentum, epsilon) = (rho, momentum, epsilon)
        driver.update(parameters, stateCount: momentum > 0 ? 2 : 1) { w, g, state in
            // state[i]: the mean square s; state[n + i]: the momentum m, when there is one.
            let n = g.count
            for i in g.indices {
                state[i] = rho * state[i] + (1 - rho) * g[i] * g[i]
                let increment = lr * g[i] / (state[i] + epsilon).squareRoot()
                if momentum > 0 {
                    state[n + i] = momentum * state[n + i] + increment
                    w[i] -= state[n + i]
                } else {
                    w[i] -= increment
                }
            }
        }
    }
}
