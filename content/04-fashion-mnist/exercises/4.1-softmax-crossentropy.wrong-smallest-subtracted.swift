// Wrong: the smallest logit subtracted instead of the largest, which overflows when logits are far apart
// The check says: softmax([-1000, 0])[1]
import Foundation

func softmax(_ logits: [Float]) -> [Float] {
    let smallest = logits.min() ?? 0
    let exponentials = logits.map { exp($0 - smallest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

func sparseCategoricalCrossentropy(probabilities: [Float], label: Int) -> Float {
    let epsilon: Float = 1e-7
    return -log(min(max(probabilities[label], epsilon), 1 - epsilon))
}
