import NNKit

/// The four inputs of a two-input logic gate and the gates the first chapters learn.
enum LogicGateData {
    /// (0,0), (0,1), (1,0), (1,1): one row per input pair.
    static let inputs = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])

    struct Gate {
        let name: String
        let targets: [Float]
        var targetMatrix: Matrix { Matrix(column: targets) }
    }

    static let and = Gate(name: "AND", targets: [0, 0, 0, 1])
    static let or = Gate(name: "OR", targets: [0, 1, 1, 1])
    static let nand = Gate(name: "NAND", targets: [1, 1, 1, 0])
    static let xor = Gate(name: "XOR", targets: [0, 1, 1, 0])

    /// The truth table beside the model's outputs and thresholded predictions.
    static func predictionTable(outputs: [Float], targets: [Float], console: Console) -> [String] {
        var lines = [Words.shared("table.truth.header")]
        lines.append("     ────────┼────────┼────────┼──────────")
        for i in 0..<inputs.rows {
            let predicted: Float = outputs[i] > 0.5 ? 1 : 0
            lines.append(
                "       \(Int(inputs[i, 0]))   \(Int(inputs[i, 1])) │    \(Int(targets[i]))   │ "
                    + Format.rightAligned(Format.fixed(outputs[i], 3), 6) + " │     \(Int(predicted))  "
                    + console.mark(predicted == targets[i]))
        }
        return lines
    }
}
