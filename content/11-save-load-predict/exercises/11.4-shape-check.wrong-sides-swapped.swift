// Wrong: the message gives the model's shape where it says the file's, and the other way round
// The check says: its shape in the file, 784×100
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
    for index in 0 ..< min(file.count, model.count) where file[index] != model[index] {
        return "tensor \(index) is \(text(model[index])) in the file but \(text(file[index])) in the model"
    }
    if file.count != model.count {
        return "the file has \(file.count) tensors but the model has \(model.count)"
    }
    return nil
}
