// Wrong: the index returned as the epoch, so epochs count from 0 instead of 1
// The check says: epochs count from 1
func firstEpoch(in losses: [Float], where condition: (Float) -> Bool) -> Int? {
    losses.firstIndex(where: condition)
}

func topClasses(_ probabilities: [Float], count k: Int) -> [Int] {
    let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
    return Array(order.prefix(k))
}
