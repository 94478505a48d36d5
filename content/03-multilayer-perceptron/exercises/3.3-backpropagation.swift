import Foundation

/// Exercise 3.3 · Backpropagation through a whole network, by hand
///
/// Chapter 3's network in miniature: two inputs, two hidden sigmoid units, one sigmoid output,
/// mean squared error over the four XOR samples:
///
///     h = σ(x · W1 + b1)        (4, 2) · (2, 2) + (2)  →  (4, 2)
///     o = σ(h · W2 + b2)        (4, 2) · (2, 1) + (1)  →  (4, 1)
///     L = mean over the 4 samples of (o − y)²
///
/// Backpropagation is the chain rule applied from the loss back to every weight, reusing what
/// the forward pass computed. With σ'(z) = σ(z)(1 − σ(z)):
///
///     δo = 2 (o − y) / 4 · o (1 − o)        the gradient at the output's input, per sample
///     ∂L/∂W2 = hᵀ · δo,   ∂L/∂b2 = Σ δo
///     δh = (δo · W2ᵀ) · h (1 − h)            carried back to the hidden units' inputs
///     ∂L/∂W1 = xᵀ · δh,   ∂L/∂b1 = Σ δh      (sums over the samples)
///
/// Matrices are arrays of rows: W1[input][unit], W2[unit][0]. Write `backpropagate`, then run
/// `lesson check 3.3`: it compares your gradients with NNKit's and with finite differences.
func backpropagate(x: [[Float]], y: [Float], w1: [[Float]], b1: [Float], w2: [[Float]], b2: [Float])
    -> (w1: [[Float]], b1: [Float], w2: [[Float]], b2: [Float]) {
    // TODO: the forward pass (keep h and o), then δo, the output layer's gradients, δh, and the
    // hidden layer's gradients.
    return (w1, b1, w2, b2)
}

/// σ(z) = 1 / (1 + e^(−z)).
func sigmoid(_ z: Float) -> Float {
    1 / (1 + expf(-z))
}
