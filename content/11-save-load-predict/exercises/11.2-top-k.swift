/// Exercise 11.2 · The top classes
///
/// `model.predict` gives ten probabilities per image. Return the `k` likeliest classes,
/// likeliest first, each with its probability; when two are equal, the lower class number
/// comes first. Fewer than `k` classes means all of them.
///
///     topK([0.1, 0.6, 0.3], k: 2)   // [(index: 1, probability: 0.6), (index: 2, probability: 0.3)]
///
/// Write it, then run `lesson check 11.2`.
func topK(_ probabilities: [Float], k: Int) -> [(index: Int, probability: Float)] {
    // TODO: the indices sorted by probability, largest first, then the first k.
    return []
}
