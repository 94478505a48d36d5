/// Exercise 9.1 · Momentum and Nesterov
///
/// Plain SGD moves each weight by −learningRate · gradient. SGD with momentum keeps a velocity
/// for every weight, the steps of the past fading by the factor `momentum` each step (Keras 3):
///
///     velocity = momentum · velocity − learningRate · gradient
///     weight   = weight + velocity
///
/// Nesterov's version uses the same velocity but looks one step further along it:
///
///     weight   = weight + momentum · velocity − learningRate · gradient
///
/// `momentumStep` changes `weights` and `velocity` in place, one step for every weight.
///
///     var w: [Float] = [1], v: [Float] = [0]
///     momentumStep(&w, velocity: &v, gradient: [2], learningRate: 0.1, momentum: 0.9, nesterov: false)
///     // v == [-0.2], w == [0.8]
///
/// Write it, then run `lesson check 9.1`.
func momentumStep(_ weights: inout [Float], velocity: inout [Float], gradient: [Float],
                  learningRate: Float, momentum: Float, nesterov: Bool) {
    // TODO: update velocity[i], then weights[i], for every i.
}
