import Foundation

/// A learning rate that changes with the optimizer's step, as Keras's
/// `keras.optimizers.schedules`: the rate for a step is read before that step's update, from the
/// number of steps taken so far (0 for the first).
///
/// ```swift
/// let optimizer = SGD(learningRate: ExponentialDecay(initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5))
/// ```
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for the update after `step` steps.
    func learningRate(atStep step: Int) -> Float
}

/// `lr = initial · rate^(step / decaySteps)`, the exponent rounded down with `staircase` (the
/// rate then changes in jumps, every `decaySteps` steps): Keras's `ExponentialDecay`.
public struct ExponentialDecay: LearningRateSchedule {
    public let initialLearningRate: Float
    public let decaySteps: Int
    public let decayRate: Float
    public let staircase: Bool

    public init(initialLearningRate: Float, decaySteps: Int, decayRate: Float, staircase: Bool = false) {
        precondition(decaySteps >= 1, "ExponentialDecay needs decaySteps of at least 1, got \(decaySteps).")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
    }

    public func learningRate(atStep step: Int) -> Float {
        var exponent = Float(step) / Float(decaySteps)
        if staircase { exponent = exponent.rounded(.down) }
        return initialLearningRate * powf(decayRate, exponent)
    }
}

/// `values[0]` up to and including step `boundaries[0]`, `values[1]` up to `boundaries[1]`, …,
/// the last value after the last boundary: Keras's `PiecewiseConstantDecay`.
public struct PiecewiseConstantDecay: LearningRateSchedule {
    public let boundaries: [Int]
    public let values: [Float]

    public init(boundaries: [Int], values: [Float]) {
        precondition(
            values.count == boundaries.count + 1,
            "PiecewiseConstantDecay needs one value more than boundaries, got \(boundaries.count) boundaries and \(values.count) values."
        )
        precondition(
            zip(boundaries, boundaries.dropFirst()).allSatisfy { $0 < $1 },
            "PiecewiseConstantDecay's boundaries must increase, got \(boundaries).")
        self.boundaries = boundaries
        self.values = values
    }

    public func learningRate(atStep step: Int) -> Float {
        values[boundaries.firstIndex { step <= $0 } ?? boundaries.count]
    }
}

// Keras's `SGD(learning_rate=schedule)`: an optimizer made with a schedule takes each step's rate
// from it; `learningRate` starts at the schedule's first rate.

extension SGD {
    public convenience init(
        learningRate schedule: any LearningRateSchedule, momentum: Float = 0, nesterov: Bool = false
    ) {
        self.init(learningRate: schedule.learningRate(atStep: 0), momentum: momentum, nesterov: nesterov)
        learningRateSchedule = schedule
    }
}

extension Adam {
    public convenience init(
        learningRate schedule: any LearningRateSchedule, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-7
    ) {
        self.init(learningRate: schedule.learningRate(atStep: 0), beta1: beta1, beta2: beta2, epsilon: epsilon)
        learningRateSchedule = schedule
    }
}

extension RMSprop {
    public convenience init(
        learningRate schedule: any LearningRateSchedule, rho: Float = 0.9, momentum: Float = 0,
        epsilon: Float = 1e-7
    ) {
        self.init(learningRate: schedule.learningRate(atStep: 0), rho: rho, momentum: momentum, epsilon: epsilon)
        learningRateSchedule = schedule
    }
}

extension Adagrad {
    public convenience init(
        learningRate schedule: any LearningRateSchedule, initialAccumulatorValue: Float = 0.1,
        epsilon: Float = 1e-7
    ) {
        self.init(
            learningRate: schedule.learningRate(atStep: 0), initialAccumulatorValue: initialAccumulatorValue,
            epsilon: epsilon)
        learningRateSchedule = schedule
    }
}
