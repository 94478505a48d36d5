// Wrong: the counts are never compared: a model with more tensors than the file is said to fit
// The check says: but the model has more
func weightMismatch(file: [[Int]], model: [[Int]]) -> String? {
    func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
    for index in 0 ..< min(file.count, model.count) where file[index] != model[index] {
        return "tensor \(index) is \(text(file[index])) in the file but \(text(model[index])) in the model"
    }
    return nil
}
