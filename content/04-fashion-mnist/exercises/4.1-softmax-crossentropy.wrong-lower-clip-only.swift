// Wrong: p[label] clipped from below only, so a sure right answer costs exactly 0, where Keras's loss never does
// The check says: a loss just above 0
import Foundation

func softmax(_ logits: [Float]) -> [Float] {
    let largest = logits.max() ?? 0
    let exponentials = logits.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

func sparseCategoricalCrossentropy(probabilities: [Float], label: Int) -> Float {
    let epsilon: Float = 1e-7
    return -log(max(probabilities[label], epsilon))
}
