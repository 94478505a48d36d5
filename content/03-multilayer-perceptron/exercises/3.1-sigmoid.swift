import Foundation

/// Exercise 3.1 · Sigmoid and its derivative
///
/// Chapter 3's output unit squashes its sum into (0, 1) with the sigmoid
///
///     σ(z) = 1 / (1 + e^(−z))
///
/// and training needs its slope, which has a famously tidy form:
///
///     σ′(z) = σ(z) · (1 − σ(z))
///
/// Two things to get right beyond the formula. Far from 0, e^x overflows to infinity: written
/// as above, σ(−200) is 1 / (1 + ∞) = 0, as it should be, but the other common form,
/// e^z / (1 + e^z), gives ∞ / ∞ = NaN at z = 200, where σ must be 1. And σ′ is largest at
/// z = 0, where it is 0.25, which is why deep stacks of sigmoids pass back so little gradient
/// (chapter 7).
///
/// Write both functions (`exp` is Foundation's e^x), then run `lesson check 3.1`.
func sigmoid(_ z: Float) -> Float {
    // TODO: 1 / (1 + e^(−z))
    return 0
}

func sigmoidDerivative(_ z: Float) -> Float {
    // TODO: σ(z) · (1 − σ(z)), using your sigmoid.
    return 0
}
