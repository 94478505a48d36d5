import Foundation

extension Reference {
    /// One weight's Adam state: the running averages of its gradient and of its square.
    public struct AdamState: Equatable, Sendable {
        public var m: Float = 0
        public var v: Float = 0

        public init() {}
    }

    /// One Adam step `t` (counting from 1) for one weight, as Keras 3 writes it:
    ///
    ///     m ← β₁·m + (1 − β₁)·g
    ///     v ← β₂·v + (1 − β₂)·g²
    ///     α ← lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
    ///     w ← w − α · m / (√v + ε)
    ///
    /// Dividing by `1 − β₁ᵗ` and `√(1 − β₂ᵗ)` corrects averages that started at zero.
    public static func adamStep(
        weight: inout Float, gradient g: Float, state: inout AdamState, t: Int,
        learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-7
    ) {
        state.m = beta1 * state.m + (1 - beta1) * g
        state.v = beta2 * state.v + (1 - beta2) * g * g
        let alpha = learningRate * (1 - powf(beta2, Float(t))).squareRoot() / (1 - powf(beta1, Float(t)))
        weight -= alpha * state.m / (state.v.squareRoot() + epsilon)
    }
}
