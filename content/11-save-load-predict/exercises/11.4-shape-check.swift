/// Exercise 11.4 · Do these weights fit this model?
///
/// `loadWeights` puts the tensors of a file into a model built by code, in order: the first
/// Dense layer's kernel, its bias, the next layer's kernel, … They fit only if there are as
/// many tensors, each of the same shape. Otherwise loading must fail, with a message saying
/// where: the first tensor whose shapes differ (among those both have), or, when all of those
/// fit, the two counts.
///
///     weightMismatch(file: [[784, 100], [100]], model: [[784, 64], [64]])
///     // "tensor 0 is 784×100 in the file but 784×64 in the model"
///     weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2], [2, 1], [1]])
///     // "the file has 2 tensors but the model has 4"
///     weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2]])   // nil: they fit
///
/// The wording is yours (the check does not compare it; Korean is fine too): the check looks
/// at the numbers. A message about a tensor names its number, counting from 0, then its shape
/// in the file, then its shape in the model, a shape written as its numbers joined by ×
/// (`[784, 100]` as 784×100); a message about the counts names the file's, then the model's.
/// Write it, then run `lesson check 11.4`.
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    // TODO: the first tensor whose shapes differ, then the counts; nil when everything fits.
    return nil
}
