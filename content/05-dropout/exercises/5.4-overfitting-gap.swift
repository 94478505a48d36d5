/// Exercise 5.4 · Where overfitting starts
///
/// Chapter 5 watches the gap between training and validation accuracy grow epoch by epoch. Write
/// `gaps`, each epoch's training accuracy minus its validation accuracy, and
/// `firstEpochOverfitting`: the first epoch, counting from 1, whose gap is larger than
/// `threshold`, or nil when none is. Then run `lesson check 5.4`.
func gaps(training: [Float], validation: [Float]) -> [Float] {
    // TODO: training − validation, epoch by epoch.
    return []
}

func firstEpochOverfitting(training: [Float], validation: [Float], threshold: Float) -> Int? {
    // TODO: the first epoch (from 1) whose gap exceeds the threshold.
    return 0
}
