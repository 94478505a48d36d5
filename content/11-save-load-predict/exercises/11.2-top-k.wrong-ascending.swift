// Wrong: the classes are sorted least likely first
// The check says: likeliest first
func topK(_ probabilities: [Float], k: Int) -> [(index: Int, probability: Float)] {
    let order = probabilities.indices.sorted { a, b in
        probabilities[a] < probabilities[b] || (probabilities[a] == probabilities[b] && a < b)
    }
    return order.prefix(max(0, k)).map { ($0, probabilities[$0]) }
}
