/// Exercise 11.3 · The most confident mistakes
///
/// `probabilities` holds one row of class probabilities per image (what `model.predict`
/// returns, as arrays), `labels` each image's true class. The predicted class is the one with
/// the largest probability (the first one, if two are equal).
///
/// Return the rows of the `count` mistakes the model was surest of: predicted wrongly, ordered
/// by the probability of the predicted class, largest first (the lower row first on a tie).
/// These are the images worth looking at: a mislabelled image, or a class the model confuses.
///
///     confidentMistakes([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6]], labels: [0, 0, 0], count: 5)   // [1, 2]
///
/// Write it, then run `lesson check 11.3`.
func confidentMistakes(_ probabilities: [[Float]], labels: [Int], count: Int) -> [Int] {
    // TODO: the wrong rows with their top probability, sorted, the first count.
    return []
}
