// Wrong: the squared errors added up but not divided by the number of samples
// The check says: (a mean, not a sum)
func meanSquaredError(outputs: [Float], targets: [Float]) -> Float {
    zip(outputs, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
}

func bestConstant(targets: [Float]) -> Float {
    targets.reduce(0, +) / Float(targets.count)
}
