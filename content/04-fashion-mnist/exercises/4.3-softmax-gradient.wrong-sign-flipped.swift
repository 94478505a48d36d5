// Wrong: the one-hot minus the probabilities, (label's 1) − p, the gradient's opposite
// The check says: a batch of 1: the softmax [0.5, 0.5] minus 1 at the label
import Foundation

func crossentropyGradient(logits: [[Float]], labels: [Int]) -> [[Float]] {
    let batch = Float(logits.count)
    return zip(logits, labels).map { row, label in
        stableSoftmax(row).enumerated().map { index, p in ((index == label ? 1 : 0) - p) / batch }
    }
}

/// A stable softmax, as in exercise 4.1.
func stableSoftmax(_ logits: [Float]) -> [Float] {
    let largest = logits.max() ?? 0
    let exps = logits.map { expf($0 - largest) }
    let sum = exps.reduce(0, +)
    return exps.map { $0 / sum }
}
