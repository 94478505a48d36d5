// Wrong: −log(p[label]) without the clip, so a probability of 0 costs infinity
// The check says: where p[label] = 0 is clipped up to 1e-7
import Foundation

func softmax(_ logits: [Float]) -> [Float] {
    let largest = logits.max() ?? 0
    let exponentials = logits.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
}

func sparseCategoricalCrossentropy(probabilities: [Float], label: Int) -> Float {
    -log(probabilities[label])
}
