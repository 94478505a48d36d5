// Wrong: the line starts at rate 0 on step 0 (target · step / warmupSteps), so the first step is wasted
// The check says: the first step already learns
func warmUpRate(step: Int, warmupSteps: Int, target: Float) -> Float {
    guard step < warmupSteps else { return target }
    return target * Float(step) / Float(warmupSteps)
}
