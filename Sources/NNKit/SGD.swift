/// Stochastic gradient descent, optionally with (Nesterov) momentum, as Keras 3:
///
/// - without momentum: `w ← w − lr · g`;
/// - with momentum: `v ← momentum · v − lr · g`, then `w ← w + v`;
/// - Nesterov: the same `v`, then `w ← w + momentum · v − lr · g`.
///
/// Defaults as Keras: `learningRate = 0.01`, `momentum = 0`, `nesterov = false`.
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float
    public let nesterov: Bool
    public private(set) var iterations = 0
    private var velocities = OptimizerSlots()

    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
        precondition(momentum >= 0 && momentum <= 1, "SGD's momentum must be in [0, 1], got \(momentum).")
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public var typeName: String { "SGD" }

    public func step(_ parameters: [Parameter]) {
        iterations += 1
        let lr = learningRate
        for parameter in parameters where parameter.isTrainable {
            let g = parameter.gradient.scalars
            if momentum == 0 {
                for i in g.indices { parameter.value.scalars[i] -= lr * g[i] }
                continue
            }
            velocities.withSlots(for: parameter, count: 1) { velocity in
                for i in g.indices {
                    velocity[i] = momentum * velocity[i] - lr * g[i]
                    parameter.value.scalars[i] += nesterov
                        ? momentum * velocity[i] - lr * g[i]
                        : velocity[i]
                }
            }
        }
    }
}
