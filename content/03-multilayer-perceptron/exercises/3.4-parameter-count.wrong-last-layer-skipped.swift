// Wrong: the loop stops one pair early, leaving out the last layer
// The check says: every layer but the last
func parameterCount(layerSizes: [Int]) -> Int {
    var total = 0
    for i in 0 ..< max(layerSizes.count - 2, 0) {
        total += layerSizes[i] * layerSizes[i + 1] + layerSizes[i + 1]
    }
    return total
}
