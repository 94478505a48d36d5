// Wrong: the rate rises by a quarter of the target per step, which fits the example's four warm-up steps only
// The check says: one step of warm-up
func warmUpRate(step: Int, warmupSteps: Int, target: Float) -> Float {
    guard step < warmupSteps else { return target }
    return target * 0.25 * Float(step + 1)
}
