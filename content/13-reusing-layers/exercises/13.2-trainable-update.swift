/// Exercise 13.2 · An update only where it may learn
///
/// An optimizer's step touches only trainable parameters: freezing a layer (Keras's
/// `layer.trainable = False`, NNKit's `layer.isTrainable = false`) keeps its weights exactly as
/// they were while the layers above it learn. That is how chapter 13's model B trains a new
/// output layer on top of model A's layers.
///
/// `weights[p]` are the values of parameter `p` (a kernel or a bias, flattened), `gradients[p]`
/// their gradients, and `trainable[p]` says whether `p` may learn. Apply one plain SGD step,
/// `weight = weight − learningRate · gradient`, to every trainable parameter, and leave the
/// frozen ones alone. Careful: a frozen layer's gradient is not computed in training (that is
/// part of what freezing saves), so what is in `gradients[p]` for a frozen `p` may be stale, or
/// not a number at all.
///
///     var w: [[Float]] = [[1, 2], [3]]
///     sgdStep(&w, gradients: [[10, 10], [1]], trainable: [false, true], learningRate: 0.5)
///     // w == [[1, 2], [2.5]]
///
/// Write it, then run `lesson check 13.2`.
func sgdStep(_ weights: inout [[Float]], gradients: [[Float]], trainable: [Bool], learningRate: Float) {
    // TODO: update weights[p][i] for the trainable parameters only.
}
