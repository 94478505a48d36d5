// Wrong: the tensors are numbered from 1 in the message
// The check says: tensor 0 (counting from 0)
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
    for index in 0 ..< min(file.count, model.count) where file[index] != model[index] {
        return "tensor \(index + 1) is \(text(file[index])) in the file but \(text(model[index])) in the model"
    }
    if file.count != model.count {
        return "the file has \(file.count) tensors but the model has \(model.count)"
    }
    return nil
}
