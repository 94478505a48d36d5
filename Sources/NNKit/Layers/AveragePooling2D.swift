/// Keeps the mean of each window, channel by channel: Keras's `AveragePooling2D`.
///
///     output[y, x, c] = (1 / n) · Σ_{i, j} input[y·sy + i − top, x·sx + j − left, c]
///
/// over the `n` window positions inside the image: with `same` padding a window at the edge
/// averages only what it covers, as TensorFlow's pooling does. Its gradient spreads each
/// output's gradient evenly over the `n` inputs it averaged:
///
///     ∂input[y·sy + i − top, x·sx + j − left, c] += ∂output[y, x, c] / n
///
/// Shapes: `input: (batch, height · width · channels)`, read as `[height, width, channels]`;
/// `output: (batch, outputHeight · outputWidth · channels)`. Defaults as Keras: a 2 × 2
/// window, strides equal to the window, valid padding. No parameters.
public final class AveragePooling2D: Layer {
    public let poolSize: Size2D
    public let strides: Size2D
    public let padding: Padding
    public var name = "average_pooling2d"
    public private(set) var inputShape: [Int] = []
    public private(set) var outputShape: [Int] = []
    private var window: ImageWindow?

    /// `strides: nil` means the window's own size, as in Keras.
    public init(poolSize: Size2D = 2, strides: Size2D? = nil, padding: Padding = .valid) {
        let strides = strides ?? poolSize
        precondition(
            poolSize.height > 0 && poolSize.width > 0,
            "AveragePooling2D's window needs a positive size, got \(poolSize).")
        precondition(
            strides.height > 0 && strides.width > 0,
            "AveragePooling2D's strides must be positive, got \(strides).")
        self.poolSize = poolSize
        self.strides = strides
        self.padding = padding
    }

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { elementCount(outputShape) }

    public var configuration: LayerConfiguration {
        LayerConfiguration(
            type: typeName,
            [
                ("pool_size", .ints(poolSize.pair)), ("strides", .ints(strides.pair)),
                ("padding", .string(padding.rawValue)),
            ])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        build(inputShape: [inputSize], generator: &generator)
    }

    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        precondition(
            inputShape.count == 3,
            "AveragePooling2D needs images, [height, width, channels]; its input is \(shapeText(inputShape)).")
        guard let window = ImageWindow(inputShape: inputShape, window: poolSize, strides: strides, padding: padding)
        else {
            fatalError(
                "AveragePooling2D's \(poolSize) window does not fit its \(shapeText(inputShape)) input "
                    + "with \(padding) padding.")
        }
        self.window = window
        self.inputShape = inputShape
        outputShape = [window.rows.output, window.columns.output, window.channels]
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        guard let window else { fatalError("\(name) (AveragePooling2D) must be built before it is used.") }
        precondition(
            input.columns == window.inputSize,
            "\(name) (AveragePooling2D) expected images of \(shapeText(inputShape)) = \(window.inputSize) "
                + "values, got \(input.columns).")
        var output = Matrix(rows: input.rows, columns: outputSize)
        forEachWindow(batch: input.rows) { outputIndex, inputIndices in
            var sum: Float = 0
            for index in inputIndices { sum += input.scalars[index] }
            output.scalars[outputIndex] = sum / Float(inputIndices.count)
        }
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard let window, outputGradient.columns == outputSize else {
            fatalError("\(name) (AveragePooling2D): backward needs its gradient for \(outputSize) outputs per image.")
        }
        var inputGradient = Matrix(rows: outputGradient.rows, columns: window.inputSize)
        forEachWindow(batch: outputGradient.rows) { outputIndex, inputIndices in
            let share = outputGradient.scalars[outputIndex] / Float(inputIndices.count)
            for index in inputIndices { inputGradient.scalars[index] += share }
        }
        return inputGradient
    }

    /// Calls `body` for every output value of a batch with its index and the indices of the
    /// inputs its window covers (never empty: a window always covers at least one pixel).
    private func forEachWindow(batch: Int, _ body: (Int, [Int]) -> Void) {
        guard let window else { return }
        let (rows, columns, channels) = (window.rows, window.columns, window.channels)
        var covered: [Int] = []
        covered.reserveCapacity(poolSize.height * poolSize.width)
        for image in 0..<batch {
            for y in 0..<rows.output {
                for x in 0..<columns.output {
                    for c in 0..<channels {
                        covered.removeAll(keepingCapacity: true)
                        for i in 0..<rows.window {
                            let row = rows.position(output: y, offset: i)
                            guard row >= 0 && row < rows.input else { continue }
                            for j in 0..<columns.window {
                                let column = columns.position(output: x, offset: j)
                                guard column >= 0 && column < columns.input else { continue }
                                covered.append(image * window.inputSize + (row * columns.input + column) * channels + c)
                            }
                        }
                        body(image * outputSize + (y * columns.output + x) * channels + c, covered)
                    }
                }
            }
        }
    }
}

extension AveragePooling2D: LayerKind, ImageLayer {
    static let kerasClassName = "AveragePooling2D"

    static func make(_ settings: LayerSettings) throws -> AveragePooling2D {
        let (poolSize, strides, padding) = try settings.pooling()
        return AveragePooling2D(poolSize: poolSize, strides: strides, padding: padding)
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        let layer = try make(settings)
        let fitted = try input.window(layer.poolSize, layer.strides, layer.padding)
        let outputShape = [fitted.rows.output, fitted.columns.output, fitted.channels]
        let output = try input.values(outputShape)
        // Outputs; in training also the input's gradient.
        return LayerFootprint(
            parameters: 0, outputShape: outputShape, outputValues: output, inferenceValues: output,
            trainingValues: try input.sum([output, try input.values(input.shape)]))
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        try options.pooling(kerasClassName)
    }

    var kerasOptions: [(String, JSONValue)] { KerasJSON.pooling(poolSize, strides, padding) }
}
