/// Exercise 5.2 · Drawing a dropout mask
///
/// Where do the zeros come from? For every unit, draw a number u uniformly from [0, 1). Keep the
/// unit when u ≥ rate, so that a rate of 0.25 keeps about three units in four; give kept units
/// the factor 1 / (1 − rate) and dropped units 0. (NNKit draws u from its seeded generator, so
/// the same seed gives the same masks.)
///
///     dropoutMask(uniforms: [0.1, 0.5, 0.25, 0.9], rate: 0.25)  →  [0, 1.3333, 1.3333, 1.3333]
///
/// Write `dropoutMask`, then run `lesson check 5.2`.
func dropoutMask(uniforms: [Float], rate: Float) -> [Float] {
    // TODO: 1 / (1 − rate) where u ≥ rate, 0 elsewhere.
    return uniforms
}
