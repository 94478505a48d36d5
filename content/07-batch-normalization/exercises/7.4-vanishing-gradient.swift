import Foundation

/// Exercise 7.4 · Why six sigmoid layers hardly learn
///
/// Backpropagation multiplies, layer by layer, by the activation's derivative. The sigmoid's
/// derivative σ'(z) = σ(z)(1 − σ(z)) is at most 0.25 (at z = 0), so through n sigmoid layers
/// whose weights have size about w, each layer multiplies the gradient by its weight and by at
/// most 0.25: at most (0.25 · w)ⁿ of it is left.
///
/// Write `sigmoidDerivative`, then `gradientScale`: the largest factor (0.25 · w)ⁿ for `layers`
/// layers and weight size `weight`. Then run `lesson check 7.4`, and compare with the
/// gradient sizes chapter 7's run prints for the plain network.
func sigmoidDerivative(_ z: Float) -> Float {
    // TODO: σ(z) · (1 − σ(z)), with σ(z) = 1 / (1 + exp(−z)).
    return 0
}

func gradientScale(layers: Int, weight: Float) -> Float {
    // TODO: (0.25 · weight) to the power `layers`.
    return 1
}
