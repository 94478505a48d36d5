/// Updates trainable parameters from their gradients, one step per batch.
///
/// Each optimizer keeps its per-parameter state (momentum, running averages) itself, keyed by
/// the parameter, as Keras's optimizers keep their slot variables. The loop they all share,
/// counting steps and handing each trainable parameter to the update rule with its state, is
/// `OptimizerDriver`; an optimizer's own file shows only its rule.
public protocol Optimizer: AnyObject {
    /// Keras's class name: `"Adam"`.
    var typeName: String { get }
    var learningRate: Float { get set }
    /// When set, the learning rate of each step comes from it instead of `learningRate`
    /// (Keras's `learning_rate=schedule`).
    var learningRateSchedule: (any LearningRateSchedule)? { get set }
    /// The number of steps taken so far (Keras's `iterations`).
    var iterations: Int { get }
    /// Applies one step to every trainable parameter from its current `gradient`.
    func step(_ parameters: [Parameter])
}

/// The loop every optimizer runs: count the step, then apply the rule to each trainable
/// parameter, with its weights, its gradient and its own state buffers, all flat and in place.
struct OptimizerDriver {
    /// Steps taken so far.
    private(set) var iterations = 0
    /// The optimizer's schedule, if it has one.
    var schedule: (any LearningRateSchedule)?
    /// Per parameter: `count` buffers shaped like it, one after another (buffer `k`, element `i`
    /// at `k · parameter.count + i`).
    private var slots: [ObjectIdentifier: [Float]] = [:]

    /// Starts a step: its number, counting from 1, and its learning rate, `learningRate` or the
    /// schedule's for the steps taken before it.
    mutating func beginStep(learningRate: Float) -> (step: Int, learningRate: Float) {
        let rate = schedule?.learningRate(atStep: iterations) ?? learningRate
        iterations += 1
        return (iterations, rate)
    }

    /// Calls `rule(weights, gradient, state)` for each trainable parameter; `state` holds
    /// `stateCount` buffers, filled with `initial` the first time.
    mutating func update(
        _ parameters: [Parameter], stateCount: Int, initial: Float = 0,
        _ rule: (
            UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>,
            UnsafeMutableBufferPointer<Float>
        ) -> Void
    ) {
        for parameter in parameters where parameter.isTrainable {
            let key = ObjectIdentifier(parameter)
            var state =
                slots.removeValue(forKey: key) ?? [Float](repeating: initial, count: parameter.count * stateCount)
            parameter.gradient.scalars.withUnsafeBufferPointer { gradient in
                parameter.value.scalars.withUnsafeMutableBufferPointer { weights in
                    state.withUnsafeMutableBufferPointer { rule(weights, gradient, $0) }
                }
            }
            slots[key] = state
        }
    }
}
