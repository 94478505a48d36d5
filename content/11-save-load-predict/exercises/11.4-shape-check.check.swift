import ExerciseKit

@main
enum ShapeCheck: ExerciseCheck {
    static func run() throws {
        // The wording of a message is the learner's own, in any language: what must be right are the numbers
        // it names, and their order.
        /// A shape as a message writes it: [784, 100] as 784×100.
        func text(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
        /// The numbers and shapes a message names, in order: "tensor 0 is 784×100 in the file …" gives
        /// ["0", "784×100", …]; 784x100 counts as 784×100.
        func named(_ message: String) -> [String] {
            var found: [String] = []
            var current = ""
            for character in message + " " {
                if character.isASCII && character.isNumber {
                    current.append(character)
                } else if (character == "×" || character == "x") && current.last?.isNumber == true {
                    current.append("×")
                } else {
                    if current.last == "×" { current.removeLast() }
                    if !current.isEmpty { found.append(current) }
                    current = ""
                }
            }
            return found
        }
        /// A message in quotes, or nil said plainly.
        func said(_ message: String?) -> String { message.map { "\"\($0)\"" } ?? "nothing (nil)" }
        /// Passes when `message` names tensor `index` and its shape in the file before its shape in the model.
        func expectShapes(_ message: String?, tensor index: Int, file: [Int], model: [Int], given: String) {
            var numbers = named(message ?? "")
            var fits = false
            if message != nil, let inFile = numbers.firstIndex(of: text(file)), let inModel = numbers.lastIndex(of: text(model)),
               inFile < inModel {
                numbers.remove(at: inModel)
                numbers.remove(at: inFile)
                fits = numbers.contains(String(index))
            }
            ExerciseKit.expect(fits, given: given,
                               expected: "a message naming tensor \(index) (counting from 0), its shape in the file, \(text(file)), "
                                   + "then its shape in the model, \(text(model))",
                               got: said(message))
        }
        /// Passes when `message` names the file's count of tensors before the model's.
        func expectCounts(_ message: String?, file: Int, model: Int, given: String) {
            let numbers = named(message ?? "")
            var fits = false
            if message != nil, let inFile = numbers.firstIndex(of: String(file)), let inModel = numbers.lastIndex(of: String(model)) {
                fits = inFile < inModel
            }
            ExerciseKit.expect(fits, given: given, expected: "a message naming the file's count of tensors, \(file), then the model's, \(model)",
                               got: said(message))
        }
        func expectFit(_ message: String?, given: String) {
            ExerciseKit.expect(message == nil, given: given, expected: "nothing (nil): they fit", got: said(message))
        }

        expectShapes(weightMismatch(file: [[784, 100], [100]], model: [[784, 64], [64]]), tensor: 0, file: [784, 100], model: [784, 64],
                     given: "weightMismatch(file: [[784, 100], [100]], model: [[784, 64], [64]])")
        expectCounts(weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2], [2, 1], [1]]), file: 2, model: 4,
                     given: "weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2], [2, 1], [1]]): every tensor of the file fits, "
                         + "but the model has more")
        expectFit(weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2]]),
                  given: "weightMismatch(file: [[3, 2], [2]], model: [[3, 2], [2]]): they fit")
        expectShapes(weightMismatch(file: [[3, 2], [2], [2, 5]], model: [[3, 2], [3], [2, 5]]), tensor: 1, file: [2], model: [3],
                     given: "weightMismatch(file: [[3, 2], [2], [2, 5]], model: [[3, 2], [3], [2, 5]])")
        expectFit(weightMismatch(file: [], model: []), given: "weightMismatch(file: [], model: [])")
        expectShapes(weightMismatch(file: [[2, 3]], model: [[3, 2]]), tensor: 0, file: [2, 3], model: [3, 2],
                     given: "weightMismatch(file: [[2, 3]], model: [[3, 2]]): the same count of weights, transposed")
        expectShapes(weightMismatch(file: [[3, 2], [2]], model: [[3, 4], [4], [4, 1], [1]]), tensor: 0, file: [3, 2], model: [3, 4],
                     given: "weightMismatch(file: [[3, 2], [2]], model: [[3, 4], [4], [4, 1], [1]]): "
                         + "the first differing tensor comes before the counts")

        // The shapes of real models: 혼공머신's 784-100-10, another tutorial's 784-64-32-10, and a 784-100-5.
        func shapes(_ model: Sequential) -> [[Int]] { model.layers.flatMap { $0.parameters.map(\.shape) } }
        let small = Sequential(inputSize: 784, [Dense(units: 100, activation: .relu), Dropout(rate: 0.3),
                                                Dense(units: 10, activation: .softmax)], seed: 1)
        let other = Sequential(inputSize: 784, [Dense(units: 64, activation: .relu), Dense(units: 32, activation: .relu),
                                                Dense(units: 10, activation: .softmax)], seed: 1)
        let fewer = Sequential(inputSize: 784, [Dense(units: 100, activation: .relu), Dense(units: 5, activation: .softmax)], seed: 1)
        expectShapes(weightMismatch(file: shapes(small), model: shapes(other)), tensor: 0, file: [784, 100], model: [784, 64],
                     given: "784-100-10 weights into a 784-64-32-10 model")
        expectShapes(weightMismatch(file: shapes(small), model: shapes(fewer)), tensor: 2, file: [100, 10], model: [100, 5],
                     given: "784-100-10 weights into a 784-100-5 model: the output layer's kernel differs")
        expectFit(weightMismatch(file: shapes(small), model: shapes(small)), given: "784-100-10 weights into the same model")
    }
}
