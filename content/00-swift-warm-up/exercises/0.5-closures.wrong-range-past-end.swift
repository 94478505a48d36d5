// Wrong: the first k taken with order[0 ..< k], which runs past the end when k is larger than the count
// The check says: Array index is out of range
func firstEpoch(in losses: [Float], where condition: (Float) -> Bool) -> Int? {
    losses.firstIndex(where: condition).map { $0 + 1 }
}

func topClasses(_ probabilities: [Float], count k: Int) -> [Int] {
    let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
    return Array(order[0 ..< k])
}
