// Wrong: the probabilities are sorted, then each one's class looked up with firstIndex(of:), which finds the same class twice on a tie
// The check says: a tie, the lower class first
func topK(_ probabilities: [Float], k: Int) -> [(index: Int, probability: Float)] {
    let sorted = probabilities.sorted(by: >)
    return sorted.prefix(max(0, k)).map { (probabilities.firstIndex(of: $0) ?? 0, $0) }
}
