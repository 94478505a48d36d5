/// Adam, as Keras 3: running averages of the gradient and of its square, bias-corrected
/// through the step size.
///
/// At step `t`: `m ← m + (g − m)(1 − β₁)`, `v ← v + (g² − v)(1 − β₂)`,
/// `α = lr · sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)`, `w ← w − α · m / (sqrt(v) + ε)`.
/// Defaults as Keras: `learningRate = 0.001`, `beta1 = 0.9`, `beta2 = 0.999`, `epsilon = 1e-7`.
public final class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public private(set) var iterations = 0
    private var moments = OptimizerSlots()

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var typeName: String { "Adam" }

    public func step(_ parameters: [Parameter]) {
        iterations += 1
        let t = Float(iterations)
        let alpha = learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        for parameter in parameters where parameter.isTrainable {
            let n = parameter.count
            moments.withSlots(for: parameter, count: 2) { slots in
                // slots[i]: the first moment m; slots[n + i]: the second moment v.
                parameter.gradient.scalars.withUnsafeBufferPointer { g in
                    parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                        for i in 0 ..< n {
                            slots[i] += (g[i] - slots[i]) * (1 - beta1)
                            slots[n + i] += (g[i] * g[i] - slots[n + i]) * (1 - beta2)
                            w[i] -= alpha * slots[i] / (slots[n + i].squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
