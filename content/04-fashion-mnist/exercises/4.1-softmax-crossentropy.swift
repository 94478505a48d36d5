import Foundation

/// Exercise 4.1 · Softmax and cross-entropy
///
/// The last layer of chapter 4's models turns ten scores (logits) into probabilities:
///
///     softmax(z)[i] = e^(z[i]) / Σ_j e^(z[j])
///
/// Written like that it breaks on real numbers: e^1000 is infinity in Float, and
/// infinity / infinity is NaN. Subtract the largest logit from every logit first; the result
/// is mathematically the same (the factor e^(−max) cancels) and no exp ever overflows.
///
/// The loss for one image whose true class is `label` is the cross-entropy
///
///     loss = −log(p[label]),  with p[label] clipped into [1e-7, 1 − 1e-7] as Keras does
///
/// so a confident right answer costs almost nothing and a confident wrong one costs a lot
/// (−log(1e-7) ≈ 16.1 at most, thanks to the clip).
///
/// Write both, then run `lesson check 4.1`.
func softmax(_ logits: [Float]) -> [Float] {
    // TODO: subtract the largest logit, exponentiate, divide by the sum.
    return logits
}

func sparseCategoricalCrossentropy(probabilities: [Float], label: Int) -> Float {
    // TODO: −log of the clipped probability of the true class.
    return 0
}
