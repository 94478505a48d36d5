/// RMSprop, as Keras 3: a running average of squared gradients scales each step.
///
/// `s ← rho · s + (1 − rho) · g²`, `Δ = lr · g / sqrt(s + ε)`; then `w ← w − Δ`, or with
/// momentum `m ← momentum · m + Δ`, `w ← w − m`. (ε sits inside the square root, as Keras 3.)
/// Defaults as Keras: `learningRate = 0.001`, `rho = 0.9`, `momentum = 0`, `epsilon = 1e-7`.
public final class RMSprop: Optimizer {
    public var learningRate: Float
    public let rho: Float
    public let momentum: Float
    public let epsilon: Float
    public private(set) var iterations = 0
    private var slots = OptimizerSlots()

    public init(learningRate: Float = 0.001, rho: Float = 0.9, momentum: Float = 0,
                epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var typeName: String { "RMSprop" }

    public func step(_ parameters: [Parameter]) {
        iterations += 1
        let lr = learningRate
        for parameter in parameters where parameter.isTrainable {
            let g = parameter.gradient.scalars
            let n = g.count
            slots.withSlots(for: parameter, count: momentum > 0 ? 2 : 1) { slots in
                // slots[i]: the mean square; slots[n + i]: the momentum, when there is one.
                for i in g.indices {
                    slots[i] = rho * slots[i] + (1 - rho) * g[i] * g[i]
                    let increment = lr * g[i] / (slots[i] + epsilon).squareRoot()
                    if momentum > 0 {
                        slots[n + i] = momentum * slots[n + i] + increment
                        parameter.value.scalars[i] -= slots[n + i]
                    } else {
                        parameter.value.scalars[i] -= increment
                    }
                }
            }
        }
    }
}
