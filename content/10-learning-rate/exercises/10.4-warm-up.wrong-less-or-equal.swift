// Wrong: warm-up goes on through step warmupSteps (<= for <), one step too many, which overshoots the target
// The check says: the first step after warm-up
func warmUpRate(step: Int, warmupSteps: Int, target: Float) -> Float {
    guard step <= warmupSteps else { return target }
    return target * Float(step + 1) / Float(warmupSteps)
}
