// Wrong: tensors are compared by their number of weights instead of their shapes, so a transposed kernel fits
// The check says: transposed
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
    for index in 0 ..< min(file.count, model.count) where file[index].reduce(1, *) != model[index].reduce(1, *) {
        return "tensor \(index) is \(text(file[index])) in the file but \(text(model[index])) in the model"
    }
    if file.count != model.count {
        return "the file has \(file.count) tensors but the model has \(model.count)"
    }
    return nil
}
