func warmUpRate(step: Int, warmupSteps: Int, target: Float) -> Float {
    guard step < warmupSteps else { return target }
    return target * Float(step + 1) / Float(warmupSteps)
}
