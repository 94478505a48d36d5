/// Exercise 2.1 · Accuracy
///
/// Keras's "accuracy" for a model with one output: an output above the threshold (0.5) counts
/// as class 1, anything else as class 0, and accuracy is the fraction of samples whose class
/// equals the target. An output of exactly 0.5 counts as 0, as in Keras.
///
/// Chapter 2 shows why this number can mislead: outputs of 0.5001 and 0.4999 are the same
/// answer, "I don't know", yet they count as different classes.
///
///     accuracy(outputs: [0.9, 0.2, 0.6, 0.4], targets: [1, 0, 0, 0])  →  0.75
///
/// Write `accuracy`, then run `lesson check 2.1`.
func accuracy(outputs: [Float], targets: [Float], threshold: Float = 0.5) -> Float {
    // TODO: count the outputs whose class (above the threshold → 1, else 0) equals the target,
    // and return that count divided by the number of samples.
    return -1
}
