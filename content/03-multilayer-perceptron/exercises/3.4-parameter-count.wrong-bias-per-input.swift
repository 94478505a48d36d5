// Wrong: n · m + n per layer: one bias per input instead of one per unit
// The check says: with one bias per input
func parameterCount(layerSizes: [Int]) -> Int {
    zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.0 }
}
