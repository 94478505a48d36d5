// Wrong: the counts are compared first, so a shape that differs early is reported as a count
// The check says: comes before the counts
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
    if file.count != model.count {
        return "the file has \(file.count) tensors but the model has \(model.count)"
    }
    for index in 0 ..< min(file.count, model.count) where file[index] != model[index] {
        return "tensor \(index) is \(text(file[index])) in the file but \(text(model[index])) in the model"
    }
    return nil
}
