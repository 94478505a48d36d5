import NNKit

/// Exercise 13.3 · Model B from model A's layers
///
/// Model A has learned one task; model B should learn another with A's knowledge. Keras builds
/// it from A's layers, all but the output layer, freezes them, and adds a new output layer for
/// the new task:
///
/// ```python
/// model_B_on_A = keras.Sequential(model_A.layers[:-1])
/// for layer in model_B_on_A.layers:
///     layer.trainable = False
/// model_B_on_A.add(keras.layers.Dense(1, activation="sigmoid"))
/// ```
///
/// Write `modelB(on:classes:)`: a new `Sequential` with A's input shape, holding A's own layers
/// (the same objects, with their trained weights, not new ones) except the last, each frozen,
/// then a new output layer: `Dense(units: 1, activation: .sigmoid)` when `classes` is 2, else
/// `Dense(units: classes, activation: .softmax)`. `Sequential.add(_:)` builds a layer with new
/// weights and refuses one that already has them; `add(reusing:)` takes a built layer as it is.
///
/// (The layers are shared: training B with them unfrozen would change A too. Chapter 13 reuses
/// the layers of `a.copy()` to keep A as it was.)
///
/// Write it, then run `lesson check 13.3`.
func modelB(on a: Sequential, classes: Int) throws -> Sequential {
    // TODO: A's layers but the last, frozen, then the new output layer.
    return Sequential(inputShape: a.inputShape)
}
