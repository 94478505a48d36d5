// Wrong: the mean of |output − target| (absolute error) instead of its square
// The check says: meanSquaredError(outputs: [0.5, 0.5, 0.5, 0.5], targets: [0, 1, 1, 0])
func meanSquaredError(outputs: [Float], targets: [Float]) -> Float {
    zip(outputs, targets).map { abs($0 - $1) }.reduce(0, +) / Float(outputs.count)
}

func bestConstant(targets: [Float]) -> Float {
    targets.reduce(0, +) / Float(targets.count)
}
