// Wrong: only the kernels counted, n · m per layer, without the m biases
// The check says: the kernels alone
func parameterCount(layerSizes: [Int]) -> Int {
    zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
}
