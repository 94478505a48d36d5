import Foundation

/// Exercise 9.3 · Adam, with bias correction
///
/// Adam keeps two running averages for every weight: `m` of its gradients (momentum, with
/// beta1) and `v` of their squares (RMSprop's, with beta2). Both start at 0, so for the first
/// steps they are too small; dividing by 1 − beta^t corrects that, where t counts the steps from
/// 1. Keras 3 folds both corrections into the rate:
///
///     m    = beta1 · m + (1 − beta1) · gradient
///     v    = beta2 · v + (1 − beta2) · gradient²
///     rate = learningRate · √(1 − beta2^t) / (1 − beta1^t)
///     weight = weight − rate · m / (√v + epsilon)
///
/// `state.step` is the number of steps taken before this one (0 at first): add 1 to it first.
/// `pow(x, y)` computes x^y.
///
///     var w: [Float] = [1]
///     var s = AdamState(count: 1)
///     adamStep(&w, state: &s, gradient: [2], learningRate: 0.1)
///     // s.step == 1, s.m == [0.2], s.v ≈ [0.004], w ≈ [0.9]
///
/// Write it, then run `lesson check 9.3`.
struct AdamState {
    var m: [Float]
    var v: [Float]
    var step = 0

    init(count: Int) {
        m = Array(repeating: 0, count: count)
        v = Array(repeating: 0, count: count)
    }
}

func adamStep(_ weights: inout [Float], state: inout AdamState, gradient: [Float], learningRate: Float,
              beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
    // TODO: count the step, update m and v, then every weight with the corrected rate.
}
