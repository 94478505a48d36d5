import NNKit

/// Exercise 4.4 · Mini-batches and the validation split
///
/// `fit(x, y, batchSize: 100, validationSplit: 0.2)` does two things before any training.
///
/// 1. It holds out the *last* 20 % of the samples, in their original order, for validation.
///    Keras computes where the split falls as `splitAt = floor(count · (1 − validationSplit))`.
///    Samples `splitAt ..< count` validate; the rest train. A split of 0 holds out nothing.
/// 2. Every epoch it shuffles the training samples and cuts them into batches of `batchSize`
///    indices. The last batch may be smaller; no sample is left out, and none comes twice.
///
/// Write both pieces, then run `lesson check 4.4`. Shuffle with `generator.shuffle(&indices)`,
/// so that the same seed gives the same batches.
func validationSplit(count: Int, fraction: Double) -> (training: Range<Int>, validation: Range<Int>) {
    // TODO: splitAt = floor(count · (1 − fraction)); training 0 ..< splitAt, validation the rest.
    return (0 ..< count, count ..< count)
}

func miniBatches(training: Range<Int>, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
    // TODO: the indices of `training`, shuffled, cut into pieces of batchSize (the last may be shorter).
    return []
}
