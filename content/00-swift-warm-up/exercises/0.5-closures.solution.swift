/// Exercise 0.5 · Closures: the first good epoch and the top classes (reference solution)
func firstEpoch(in losses: [Float], where condition: (Float) -> Bool) -> Int? {
    losses.firstIndex(where: condition).map { $0 + 1 }
}

func topClasses(_ probabilities: [Float], count k: Int) -> [Int] {
    let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
    return Array(order.prefix(k))
}
