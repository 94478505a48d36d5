// Wrong: the rate keeps rising after warm-up instead of staying at the target
// The check says: after warm-up
func warmUpRate(step: Int, warmupSteps: Int, target: Float) -> Float {
    return target * Float(step + 1) / Float(warmupSteps)
}
