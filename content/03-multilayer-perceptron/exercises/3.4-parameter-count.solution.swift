/// Exercise 3.4 · Counting parameters (reference solution)
func parameterCount(layerSizes: [Int]) -> Int {
    zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
}
