/// Updates trainable parameters from their gradients, one step per batch.
///
/// Each optimizer keeps its per-parameter state (momentum, running averages) itself, keyed by
/// the parameter, as Keras's optimizers keep their slot variables.
public protocol Optimizer: AnyObject {
    /// Keras's class name: `"Adam"`.
    var typeName: String { get }
    var learningRate: Float { get set }
    /// The number of steps taken so far (Keras's `iterations`).
    var iterations: Int { get }
    /// Applies one step to every trainable parameter from its current `gradient`.
    func step(_ parameters: [Parameter])
}

/// Per-parameter state kept by an optimizer: `count` buffers shaped like the parameter, stored
/// one after another in one flat array (buffer `k`, element `i` at `k · parameter.count + i`).
struct OptimizerSlots {
    private var slots: [ObjectIdentifier: [Float]] = [:]

    /// The buffers for `parameter`, created filled with `initial` on first use.
    mutating func withSlots<R>(for parameter: Parameter, count: Int, initial: Float = 0,
                               _ body: (UnsafeMutableBufferPointer<Float>) -> R) -> R {
        let key = ObjectIdentifier(parameter)
        var buffers = slots.removeValue(forKey: key)
            ?? [Float](repeating: initial, count: parameter.count * count)
        defer { slots[key] = buffers }
        return buffers.withUnsafeMutableBufferPointer { body($0) }
    }
}
