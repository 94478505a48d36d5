/// Exercise 3.4 · Counting parameters
///
/// `model.summary()` ends with "Total params: 129" for chapter 3's network, 2 → 32 → 1. A
/// Dense layer from n inputs to m units has an n × m kernel and m biases: n · m + m weights.
///
/// Write `parameterCount`, the total for a stack of Dense layers given their sizes, inputs
/// first: [2, 32, 1] → 2·32 + 32 + 32·1 + 1 = 129. Then run `lesson check 3.4`.
func parameterCount(layerSizes: [Int]) -> Int {
    // TODO: the sum over consecutive pairs (n, m) of n · m + m.
    return 0
}
