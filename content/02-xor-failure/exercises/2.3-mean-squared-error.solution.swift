/// Exercise 2.3 · Why the loss sticks at 0.25 (reference solution)
func meanSquaredError(outputs: [Float], targets: [Float]) -> Float {
    zip(outputs, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Float(outputs.count)
}

func bestConstant(targets: [Float]) -> Float {
    // d/dc (1/n) Σ (c − t)² = (2/n) Σ (c − t) = 0  ⇔  c = mean(t).
    targets.reduce(0, +) / Float(targets.count)
}
