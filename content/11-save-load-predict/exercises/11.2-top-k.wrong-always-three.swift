// Wrong: the first three are returned whatever k is, as the chapter shows three
// The check says: k of them
func topK(_ probabilities: [Float], k: Int) -> [(index: Int, probability: Float)] {
    let order = probabilities.indices.sorted { a, b in
        probabilities[a] > probabilities[b] || (probabilities[a] == probabilities[b] && a < b)
    }
    return order.prefix(3).map { ($0, probabilities[$0]) }
}
