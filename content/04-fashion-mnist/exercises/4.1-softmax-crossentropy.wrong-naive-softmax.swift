// Wrong: softmax straight from the formula, without subtracting the largest logit, so e^1000 overflows
// The check says: subtract the largest logit first
import Foundation

func softmax(_ logits: [Float]) -> [Float] {
    let exponentials = logits.map { exp($0) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

func sparseCategoricalCrossentropy(probabilities: [Float], label: Int) -> Float {
    let epsilon: Float = 1e-7
    return -log(min(max(probabilities[label], epsilon), 1 - epsilon))
}
