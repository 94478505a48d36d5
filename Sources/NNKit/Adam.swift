internal import CKernels

/// Adam, as Keras 3: running averages of the gradient and of its square, bias-corrected
/// through the step size.
///
/// At step `t`: `m ← m + (g − m)(1 − β₁)`, `v ← v + (g² − v)(1 − β₂)`,
/// `α = lr · sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)`, `w ← w − α · m / (sqrt(v) + ε)`.
/// Defaults as Keras: `learningRate = 0.001`, `beta1 = 0.9`, `beta2 = 0.999`, `epsilon = 1e-7`.
/// The element-wise update runs in `nnkit_adam_update` (CKernels), split across cores for
/// large weights.
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
        job.alpha = learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        job.beta1 = beta1
        job.beta2 = beta2
        job.epsilon = epsilon
        for parameter in parameters where parameter.isTrainable {
            let n = parameter.count
            moments.withSlots(for: parameter, count: 2) { slots in
                // slots[0 ..< n]: the first moment m; slots[n ..< 2n]: the second moment v.
                parameter.gradient.scalars.withUnsafeBufferPointer { gradient in
                    parameter.value.scalars.withUnsafeMutableBufferPointer { weights in
                        job.point(w: weights.baseAddress!, g: gradient.baseAddress!,
                                  m: slots.baseAddress!, v: slots.baseAddress! + n)
                        runner.run(job, count: n)
                    }
                }
            }
        }
    }

    /// One parameter's update, kept and reused from step to step.
    private let job = UpdateJob()
    /// This optimizer's own second core for large weights.
    private let runner = ElementwiseRunner()

    private final class UpdateJob: ElementwiseJob {
        var alpha: Float = 0
        var beta1: Float = 0
        var beta2: Float = 0
        var epsilon: Float = 0
        // Valid only during one `ElementwiseRunner.run`.
        private var w: UnsafeMutablePointer<Float>?
        private var g: UnsafePointer<Float>?
        private var m: UnsafeMutablePointer<Float>?
        private var v: UnsafeMutablePointer<Float>?

        func point(w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
                   m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>) {
            (self.w, self.g, self.m, self.v) = (w, g, m, v)
        }

        func run(_ range: Range<Int>) {
            guard let w, let g, let m, let v else { return }
            let i = range.lowerBound
            nnkit_adam_update(w + i, g + i, m + i, v + i, range.count, alpha, beta1, beta2, epsilon)
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
