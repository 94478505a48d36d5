/// Reusing one model's layers in another, as transfer learning does: Keras's `clone_model` with
/// `set_weights` for a copy, and `Sequential(model_A.layers[:-1])` for sharing.
extension Sequential {
    /// A new model with the same input shape, the same layers' settings and a copy of every
    /// weight (trainable or not) and of each layer's `isTrainable`: training either model
    /// afterwards leaves the other alone. Not compiled; `seed` feeds the copy's own random
    /// draws (its Dropout masks).
    public func copy(seed: UInt64 = 0) throws -> Sequential {
        let copy = Sequential(
            inputShape: inputShape, try layers.map { try $0.configuration.makeLayer() },
            name: name, seed: seed)
        for (original, copied) in zip(layers, copy.layers) {
            for (from, to) in zip(original.parameters, copied.parameters) {
                to.value = from.value
            }
            copied.isTrainable = original.isTrainable
        }
        return copy
    }

    /// Appends `layer`, already built and holding its weights, without building it again: the
    /// layer is then shared with the model it came from, so training here changes it there too
    /// (freeze it with `isTrainable = false`, or reuse the layers of a `copy()`, to keep the
    /// original as it was). Throws when the layer was built for another input shape than this
    /// model gives it.
    ///
    /// ```swift
    /// let b = Sequential(inputShape: [28, 28, 1])
    /// for layer in a.layers.prefix(4) { try b.add(reusing: layer) }
    /// b.add(Flatten())
    /// ```
    public func add(reusing layer: any Layer) throws {
        guard !layers.contains(where: { $0 === layer }) else {
            throw NNKitError.invalidArgument("\(layer.name) is already in this model; a model uses each layer once.")
        }
        let expected = try layer.configuration.parameterCount(inputShape: outputShape)
        let held = layer.parameters.reduce(0) { $0 + $1.count }
        // Image layers know their input shape; for the others the output and the weights fix it.
        let builtFor = (layer as? any ImageLayer)?.inputShape ?? outputShape
        guard builtFor == outputShape && expected.outputShape == layer.outputShape && expected.parameters == held else {
            throw NNKitError.shapeMismatch(
                "\(layer.name) (\(layer.typeName)) was built for another input: "
                    + "here it would take \(shapeText(outputShape)) and give \(shapeText(expected.outputShape)), "
                    + "but it takes \(shapeText(builtFor)) and gives \(shapeText(layer.outputShape)) with \(held) weights."
            )
        }
        var names = Set(layers.map(\.name))
        append(layer, keepingName: true, names: &names)
    }
}
