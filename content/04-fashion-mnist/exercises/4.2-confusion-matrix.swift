/// Exercise 4.2 · The confusion matrix
///
/// Accuracy says how often a model is right; the confusion matrix says how it is wrong.
/// Row `t`, column `p` counts the images of true class `t` that the model called `p`:
///
///                      predicted 0   predicted 1
///     true class 0          8             2          ← 2 zeros were called one
///     true class 1          1             9
///
/// The diagonal holds the right answers. Accuracy is the diagonal's sum over all samples
/// (17 / 20 here), and a class's accuracy is its diagonal cell over its row (8 / 10 and 9 / 10).
/// Chapter 4 prints one for the test set: shirts and T-shirts land in each other's columns.
///
/// Write the three functions, then run `lesson check 4.2`.
func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
    // TODO: a classes × classes grid of zeros; add 1 at [actual][predicted] for each sample.
    return []
}

func accuracy(confusion: [[Int]]) -> Float {
    // TODO: the diagonal's sum divided by the sum of every cell.
    return 0
}

func perClassAccuracy(confusion: [[Int]]) -> [Float] {
    // TODO: for each row, its diagonal cell divided by the row's sum (0 for an empty row).
    return []
}
