// Wrong: the softmax below rewritten without subtracting the largest logit, so e^1000 overflows
// The check says: finite numbers
import Foundation

func crossentropyGradient(logits: [[Float]], labels: [Int]) -> [[Float]] {
    let batch = Float(logits.count)
    return zip(logits, labels).map { row, label in
        stableSoftmax(row).enumerated().map { index, p in (p - (index == label ? 1 : 0)) / batch }
    }
}

/// A stable softmax, as in exercise 4.1.
func stableSoftmax(_ logits: [Float]) -> [Float] {
    let exps = logits.map { expf($0) }
    let sum = exps.reduce(0, +)
    return exps.map { $0 / sum }
}
