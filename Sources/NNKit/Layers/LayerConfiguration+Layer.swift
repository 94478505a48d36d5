extension LayerConfiguration {
    /// A new, unbuilt layer with these settings; unknown types and bad values throw, naming them.
    public func makeLayer() throws -> any Layer {
        try kind().make(LayerSettings(self))
    }

    /// The layer types `makeLayer` builds.
    public static var knownTypes: [String] { LayerKinds.names }

    /// How many weights the layer has on samples of `inputShape`, and the shape it gives,
    /// computed from the settings alone (nothing is allocated) and without overflow: a model
    /// file's sizes are checked with this before any layer is built.
    public func parameterCount(inputShape: [Int]) throws -> (parameters: Int, outputShape: [Int]) {
        let footprint = try footprint(inputShape: inputShape)
        return (footprint.parameters, footprint.outputShape)
    }

    /// This layer's `LayerFootprint` on samples of `inputShape`, without overflow: a count too
    /// large for an `Int` throws, naming the layer type and the input shape.
    func footprint(inputShape: [Int]) throws -> LayerFootprint {
        try kind().footprint(LayerSettings(self), input: ShapeArithmetic(shape: inputShape, type: type))
    }

    private func kind() throws -> any LayerKind.Type {
        guard let kind = LayerKinds.named(type) else {
            throw NNKitError.invalidArgument(
                "Unknown layer type '\(type)'; NNKit has \(LayerKinds.names.joined(separator: ", ")).")
        }
        return kind
    }
}
