// Wrong: the median of the targets, which minimises the absolute error, not the squared one
// The check says: bestConstant(targets: [0, 1, 1, 0]), XOR's
func meanSquaredError(outputs: [Float], targets: [Float]) -> Float {
    zip(outputs, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Float(outputs.count)
}

func bestConstant(targets: [Float]) -> Float {
    targets.sorted()[targets.count / 2]
}
