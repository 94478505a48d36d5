/// Reads each sample as one flat row of features: Keras's `Flatten`, between the image layers
/// and the dense ones.
///
/// Shapes: `input: (batch, height · width · channels)` read as `[height, width, channels]` →
/// `output: (batch, height · width · channels)` read as one row, in the same order (row, then
/// column, then channel), the order a Dense layer after Keras's Flatten sees. Since a batch is
/// already one row per sample, the numbers do not move: only the shape changes. No parameters.
public final class Flatten: Layer {
    public var name = "flatten"
    private var size = 0

    public init() {}

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { size }

    public var configuration: LayerConfiguration { LayerConfiguration(type: typeName) }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        size = inputSize
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        precondition(
            input.columns == size,
            "\(name) (Flatten) expected \(size) values per sample, got \(input.columns).")
        return input
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        outputGradient
    }
}

extension Flatten: LayerKind {
    static let kerasClassName = "Flatten"

    static func make(_ settings: LayerSettings) throws -> Flatten { Flatten() }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        // The same values read as one row: nothing is copied.
        let count = try input.values(input.shape)
        return LayerFootprint(
            parameters: 0, outputShape: [count], outputValues: count, inferenceValues: 0,
            trainingValues: 0)
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        try options.channelsLast()
        return LayerConfiguration(type: kerasClassName)
    }

    var kerasOptions: [(String, JSONValue)] { [("data_format", .string("channels_last"))] }
}
