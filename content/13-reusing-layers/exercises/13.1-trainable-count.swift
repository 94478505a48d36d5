/// Exercise 13.1 · Trainable and non-trainable parameters
///
/// A stack of Dense layers on `inputSize` features: each layer has `units` outputs, and is
/// `frozen` or not. A Dense layer holds a weight for every input and output, plus a bias per
/// output: `inputs · units + units` parameters. `summary()` counts all of them in
/// `Total params`, and splits them into `Trainable params` (what the optimizer updates) and
/// `Non-trainable params` (frozen layers' weights, kept as they are).
///
/// Chapter 13's model B on A reuses A's 784-300-100-50-50 layers, frozen, with one new output
/// unit:
///
///     parameterCounts(inputSize: 784, layers: [(300, true), (100, true), (50, true), (50, true), (1, false)])
///     // (trainable: 51, nonTrainable: 273_200)
///
/// Write `parameterCounts`, then run `lesson check 13.1`.
func parameterCounts(inputSize: Int, layers: [(units: Int, frozen: Bool)]) -> (trainable: Int, nonTrainable: Int) {
    // TODO: walk the layers, adding each one's weights and biases to one side or the other.
    return (0, 0)
}
