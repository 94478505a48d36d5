// Wrong: sorted with >=, which is no "goes before" rule: tied classes come out in the wrong order
// The check says: where 0 and 2 tie and the lower index comes first
func firstEpoch(in losses: [Float], where condition: (Float) -> Bool) -> Int? {
    losses.firstIndex(where: condition).map { $0 + 1 }
}

func topClasses(_ probabilities: [Float], count k: Int) -> [Int] {
    let order = probabilities.indices.sorted { probabilities[$0] >= probabilities[$1] }
    return Array(order.prefix(k))
}
