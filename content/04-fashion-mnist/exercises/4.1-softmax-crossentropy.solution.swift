import Foundation

/// Exercise 4.1 · Softmax and cross-entropy (reference solution)
func softmax(_ logits: [Float]) -> [Float] {
    let largest = logits.max() ?? 0
    let exponentials = logits.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

func sparseCategoricalCrossentropy(probabilities: [Float], label: Int) -> Float {
    let epsilon: Float = 1e-7
    return -log(min(max(probabilities[label], epsilon), 1 - epsilon))
}
