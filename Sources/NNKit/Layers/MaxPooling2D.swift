internal import CKernels

/// Keeps the largest value of each window, channel by channel: Keras's `MaxPooling2D`.
///
///     output[y, x, c] = max_{i, j} input[y·sy + i − top, x·sx + j − left, c]
///
/// over the window positions inside the image (with `same` padding, positions in the padding
/// are ignored, never read as 0). The gradient flows only to the input that was the maximum
/// (the first one, in reading order, when several tie), as TensorFlow routes it.
///
/// Shapes: `input: (batch, height · width · channels)`, read as `[height, width, channels]`;
/// `output: (batch, outputHeight · outputWidth · channels)`. Defaults as Keras: a 2 × 2 window,
/// strides equal to the window, valid padding. No parameters. The same, as plain loops:
/// `Reference.maxPooling2D` and `Reference.maxPooling2DBackward`.
public final class MaxPooling2D: Layer {
    public let poolSize: Size2D
    public let strides: Size2D
    public let padding: Padding
    public var name = "max_pooling2d"
    public private(set) var inputShape: [Int] = []
    public private(set) var outputShape: [Int] = []

    private var window: ImageWindow?
    private var output = Matrix(rows: 0, columns: 0)
    /// For each output value of the last training pass, where in its image the maximum was;
    /// reused from batch to batch.
    private var winners: [Int32] = []
    /// The images in the last forward pass in training mode, until its backward pass.
    private var trainingBatch: Int?
    /// A 2 × 2 window at stride 2 that never reaches into padding (the usual pooling), which
    /// has a faster path of its own.
    private var isPlainHalving = false
    private var inputGradient = Matrix(rows: 0, columns: 0)
    /// Splits a batch's images between two cores.
    private let runner = ElementwiseRunner()

    /// `strides: nil` means the window's own size, as in Keras.
    public init(poolSize: Size2D = 2, strides: Size2D? = nil, padding: Padding = .valid) {
        let strides = strides ?? poolSize
        precondition(
            poolSize.height > 0 && poolSize.width > 0,
            "MaxPooling2D's window needs a positive size, got \(poolSize).")
        precondition(
            strides.height > 0 && strides.width > 0,
            "MaxPooling2D's strides must be positive, got \(strides).")
        self.poolSize = poolSize
        self.strides = strides
        self.padding = padding
    }

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { elementCount(outputShape) }
    public var splitsBatchAcrossCores: Bool { true }

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
            "MaxPooling2D needs images, [height, width, channels]; its input is \(shapeText(inputShape)).")
        guard let window = ImageWindow(inputShape: inputShape, window: poolSize, strides: strides, padding: padding)
        else {
            fatalError(
                "MaxPooling2D's \(poolSize) window does not fit its \(shapeText(inputShape)) input "
                    + "with \(padding) padding.")
        }
        precondition(
            window.inputSize <= Int(Int32.max),
            "MaxPooling2D's input of \(window.inputSize) values per image is too large.")
        self.window = window
        self.inputShape = inputShape
        outputShape = [window.rows.output, window.columns.output, window.channels]
        isPlainHalving = [window.rows, window.columns].allSatisfy {
            $0.window == 2 && $0.stride == 2 && $0.paddingBefore == 0 && $0.output == $0.input / 2
        }
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        guard let window else { fatalError("\(name) (MaxPooling2D) must be built before it is used.") }
        precondition(
            input.columns == window.inputSize,
            "\(name) (MaxPooling2D) expected images of \(shapeText(inputShape)) = \(window.inputSize) values, "
                + "got \(input.columns).")
        let channels = window.channels
        let outputWidth = window.outputPositions * channels
        output.reshapeForReuse(rows: input.rows, columns: outputWidth)
        trainingBatch = training ? input.rows : nil
        if training && winners.count != output.count {
            winners = [Int32](repeating: 0, count: output.count)
        }
        if output.count == 0 { return output }
        let isPlainHalving = isPlainHalving
        input.scalars.withUnsafeBufferPointer { source in
            output.scalars.withUnsafeMutableBufferPointer { target in
                winners.withUnsafeMutableBufferPointer { winners in
                    let (source, target) = (source.baseAddress!, target.baseAddress!)
                    // Winners only in training (an empty array's buffer may still have an address).
                    let winners = training ? winners.baseAddress : nil
                    // Images are pooled independently, so a batch splits between two cores.
                    runner.run(count: input.rows, minimumCount: ImageWindow.parallelImages) { images in
                        if isPlainHalving {
                            nnkit_max_pool_2x2(
                                source + images.lowerBound * window.inputSize,
                                target + images.lowerBound * outputWidth,
                                winners.map { $0 + images.lowerBound * outputWidth }, images.count,
                                window.rows.input, window.columns.input, channels)
                            return
                        }
                        for image in images {
                            let pixels = source + image * window.inputSize
                            var position = image * outputWidth
                            window.forEachWindow { top, left, windowRows, windowColumns in
                                // The window's first position, then each later one, all channels at once.
                                let best = target + position
                                let first =
                                    ((top + windowRows.lowerBound) * window.columns.input + left
                                        + windowColumns.lowerBound) * channels
                                best.update(from: pixels + first, count: channels)
                                if let winners {
                                    for channel in 0..<channels { winners[position + channel] = Int32(first + channel) }
                                }
                                for row in windowRows {
                                    for column in windowColumns {
                                        let pixel = ((top + row) * window.columns.input + left + column) * channels
                                        if pixel == first { continue }
                                        if let winners {
                                            nnkit_max_update(
                                                pixels + pixel, best, winners + position, Int32(pixel), channels)
                                        } else {
                                            nnkit_max_update_values(pixels + pixel, best, channels)
                                        }
                                    }
                                }
                                position += channels
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard let window, let batch = trainingBatch, batch == outputGradient.rows,
            winners.count == outputGradient.count,
            outputGradient.columns == outputSize
        else {
            fatalError(
                "\(name) (MaxPooling2D): backward needs a forward pass in training mode on the same batch first.")
        }
        inputGradient.reshapeForReuse(rows: outputGradient.rows, columns: window.inputSize)
        let (outputWidth, isPlainHalving) = (outputSize, isPlainHalving)
        trainingBatch = nil
        if inputGradient.count == 0 { return inputGradient }
        outputGradient.scalars.withUnsafeBufferPointer { gradient in
            inputGradient.scalars.withUnsafeMutableBufferPointer { target in
                winners.withUnsafeBufferPointer { winners in
                    let (gradient, target, winners) = (gradient.baseAddress!, target.baseAddress!, winners.baseAddress!)
                    runner.run(count: outputGradient.rows, minimumCount: ImageWindow.parallelImages) { images in
                        if isPlainHalving {
                            let first = images.lowerBound * outputWidth
                            nnkit_max_pool_2x2_backward(
                                gradient + first, winners + first,
                                target + images.lowerBound * window.inputSize, images.count,
                                window.rows.input, window.columns.input, window.channels)
                            return
                        }
                        for image in images {
                            let pixels = target + image * window.inputSize
                            pixels.update(repeating: 0, count: window.inputSize)
                            let base = image * outputWidth
                            // Overlapping windows can share a winner: their gradients add up.
                            for i in 0..<outputWidth { pixels[Int(winners[base + i])] += gradient[base + i] }
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}

extension MaxPooling2D: LayerKind, ImageLayer {
    static let kerasClassName = "MaxPooling2D"

    static func make(_ settings: LayerSettings) throws -> MaxPooling2D {
        let (poolSize, strides, padding) = try settings.pooling()
        return MaxPooling2D(poolSize: poolSize, strides: strides, padding: padding)
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        let layer = try make(settings)
        let fitted = try input.window(layer.poolSize, layer.strides, layer.padding)
        let outputShape = [fitted.rows.output, fitted.columns.output, fitted.channels]
        let output = try input.values(outputShape)
        // Outputs; in training also the winners' positions and the input's gradient.
        return LayerFootprint(
            parameters: 0, outputShape: outputShape, outputValues: output, inferenceValues: output,
            trainingValues: try input.sum([try input.product(2, output), try input.values(input.shape)]))
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        try options.pooling(kerasClassName)
    }

    var kerasOptions: [(String, JSONValue)] { KerasJSON.pooling(poolSize, strides, padding) }
}
