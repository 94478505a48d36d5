/// Exercise 11.4 · Do these weights fit this model?
///
/// `loadWeights` puts the tensors of a file into a model built by code, in order: the first
/// Dense layer's kernel, its bias, the next layer's kernel, … They fit only if there are as
/// many tensors, each of the same shape. Otherwise loading must fail, with a message saying
/// where: the first tensor whose shapes differ, or the two counts.
///
///     weightMismatch(file: [[784, 100], [100]], model: [[784, 64], [64]])
///     // "tensor 0 is 784×100 in the file but 784×64 in the model"
///     weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2], [2, 1], [1]])
///     // "the file has 2 tensors but the model has 4"
///     weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2]])   // nil: they fit
///
/// A shape prints as its numbers joined by × (`[784, 100]` as 784×100).
/// Write it, then run `lesson check 11.4`.
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    // TODO: the first tensor whose shapes differ, then the counts; nil when everything fits.
    return nil
}
