internal import CKernels

/// Adam, as Keras 3: running averages of the gradient and of its square, bias-corrected
/// through the step size.
///
/// At step `t`: `m ← m + (g − m)(1 − β₁)`, `v ← v + (g² − v)(1 − β₂)`,
/// `α = lr · sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)`, `w ← w − α · m / (sqrt(v) + ε)`.
/// State: the first moment `m` and the second moment `v` per weight.
/// Defaults as Keras: `learningRate = 0.001`, `beta1 = 0.9`, `beta2 = 0.999`, `epsilon = 1e-7`.
/// The element-wise update runs in `nnkit_adam_update` (CKernels), split across two cores for
/// large weights by this optimizer's own `ElementwiseRunner`. The same rule for one weight, as
/// plain Swift: `Reference.adamStep`.
public final class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    private var driver = OptimizerDriver()
    private let job = UpdateJob()
    private let runner = ElementwiseRunner()

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var typeName: String { "Adam" }
    public var iterations: Int { driver.iterations }
    public var learningRateSchedule: (any LearningRateSchedule)? {
        get { driver.schedule }
        set { driver.schedule = newValue }
    }

    public func step(_ parameters: [Parameter]) {
        let (step, lr) = driver.beginStep(learningRate: learningRate)
        let t = Float(step)
        job.alpha = lr * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        (job.beta1, job.beta2, job.epsilon) = (beta1, beta2, epsilon)
        driver.update(parameters, stateCount: 2) { w, g, state in
            // state[0 ..< n]: the first moment m; state[n ..< 2n]: the second moment v.
            job.point(w: w.baseAddress!, g: g.baseAddress!, m: state.baseAddress!, v: state.baseAddress! + g.count)
            runner.run(job, count: g.count)
        }
    }

    /// One parameter's update, kept and reused from step to step; its pointers are valid only
    /// during one `ElementwiseRunner.run`.
    private final class UpdateJob: ElementwiseJob {
        var alpha: Float = 0, beta1: Float = 0, beta2: Float = 0, epsilon: Float = 0
        private var w, m, v: UnsafeMutablePointer<Float>?
        private var g: UnsafePointer<Float>?

        func point(
            w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
            m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>
        ) {
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
