// Wrong: 0.5 written in, XOR's answer, for any targets
// The check says: bestConstant(targets: [0, 0, 0, 1]), AND's
func meanSquaredError(outputs: [Float], targets: [Float]) -> Float {
    zip(outputs, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Float(outputs.count)
}

func bestConstant(targets: [Float]) -> Float {
    0.5
}
