internal import CKernels

/// A 2-D convolution over channels-last images: Keras's `Conv2D`.
///
/// Each of `filters` kernels slides over the image and, at every position, takes the weighted
/// sum of the window under it across all input channels:
///
///     output[y, x, f] = activation(bias[f] + Σ_{i, j, c} input[y·sy + i − top, x·sx + j − left, c]
///                                                       · kernel[i, j, c, f])
///
/// Shapes: `input: (batch, height · width · channels)`, read as `[height, width, channels]`;
/// `output: (batch, outputHeight · outputWidth · filters)`; `kernel: [kernelHeight,
/// kernelWidth, channels, filters]` as in Keras, held as the matrix `(kernelHeight ·
/// kernelWidth · channels, filters)`; `bias: (1, filters)`. Defaults as Keras: strides 1, valid
/// padding, linear activation, Glorot-uniform kernel (fan-in and fan-out count the window's
/// positions), zero bias.
///
/// The sums are matrix products, in one of two ways (`ConvolutionMethod`): im2col unfolds the
/// windows into a patch matrix with one row per output position, so that `patches · kernel`
/// gives every pixel of every filter; a 3 × 3 kernel moving one pixel at a time over at least 8
/// channels uses Winograd's F(2 × 2, 3 × 3) instead, 2.25 times fewer multiply-adds for the same
/// result up to rounding (see `WinogradConvolution`). What both compute, as plain loops:
/// `Reference.conv2D` and `Reference.conv2DBackward`.
public final class Conv2D: Layer {
    public let filters: Int
    public let kernelSize: Size2D
    public let strides: Size2D
    public let padding: Padding
    public let activation: ActivationFunction
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer
    public var name = "conv2d"
    public var computesInputGradient = true
    public var isTrainable = true
    public private(set) var inputShape: [Int] = []
    public private(set) var outputShape: [Int] = []

    public let kernel = Parameter(name: "kernel", value: Matrix(rows: 0, columns: 0))
    public let bias = Parameter(name: "bias", value: Matrix(rows: 0, columns: 0))

    private var window: ImageWindow?
    /// How forward and backward compute the sums: chosen when the layer is built, Winograd's
    /// where it applies and pays. Tests set it to compare the two.
    var method = ConvolutionMethod.unfolding {
        willSet {
            precondition(
                newValue == .unfolding || allowsWinograd, "\(name): Winograd needs a 3 × 3 kernel and stride 1.")
        }
    }
    private var winograd: WinogradConvolution?
    /// Whether Winograd's scheme can compute this layer: a 3 × 3 kernel at stride 1, once built.
    var allowsWinograd: Bool { winograd != nil }
    // Kept between forward and backward, and reused from batch to batch.
    private var patches = Matrix(rows: 0, columns: 0)
    private var output = Matrix(rows: 0, columns: 0)
    private var preactivationGradient = Matrix(rows: 0, columns: 0)
    private var patchGradient = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)
    /// The images in the last forward pass in training mode, until its backward pass.
    private var trainingBatch: Int?
    /// The weight gradients of a batch's second half, when it is split between two cores.
    private var secondKernelGradient = Matrix(rows: 0, columns: 0)
    private var secondBiasGradient = Matrix(rows: 0, columns: 0)
    /// Splits a batch's images between two cores.
    private let runner = ElementwiseRunner()

    public init(
        filters: Int, kernelSize: Size2D, strides: Size2D = 1, padding: Padding = .valid,
        activation: ActivationFunction = .linear,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros
    ) {
        precondition(filters > 0, "Conv2D needs at least one filter, got \(filters).")
        precondition(
            kernelSize.height > 0 && kernelSize.width > 0,
            "Conv2D's kernel needs a positive size, got \(kernelSize).")
        precondition(
            strides.height > 0 && strides.width > 0,
            "Conv2D's strides must be positive, got \(strides).")
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
    }

    /// Multiply-adds per image in the forward pass's products, as this layer computes them:
    /// the direct sums' `outputHeight · outputWidth · filters · kernelHeight · kernelWidth ·
    /// channels` with im2col, 16 per 2 × 2 output tile and channel-filter pair with Winograd.
    public var forwardMultiplyAdds: Int {
        guard let window else { return 0 }
        if method == .winograd {
            return 16 * ((window.rows.output + 1) / 2) * ((window.columns.output + 1) / 2) * window.channels * filters
        }
        return window.outputPositions * window.patchSize * filters
    }

    public var typeName: String { Self.kerasClassName }
    public var outputSize: Int { elementCount(outputShape) }
    public var splitsBatchAcrossCores: Bool { true }
    public var parameters: [Parameter] { [kernel, bias] }

    public var configuration: LayerConfiguration {
        LayerConfiguration(
            type: typeName,
            [
                ("filters", .int(filters)), ("kernel_size", .ints(kernelSize.pair)),
                ("strides", .ints(strides.pair)), ("padding", .string(padding.rawValue)),
                ("activation", .string(activation.rawValue)),
            ])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        build(inputShape: [inputSize], generator: &generator)
    }

    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        precondition(
            inputShape.count == 3,
            "Conv2D needs images, [height, width, channels]; its input is \(shapeText(inputShape)). "
                + "Give the model an input shape such as Sequential(inputShape: [28, 28, 1], …).")
        guard let window = ImageWindow(inputShape: inputShape, window: kernelSize, strides: strides, padding: padding)
        else {
            fatalError(
                "Conv2D's \(kernelSize) kernel does not fit its \(shapeText(inputShape)) input "
                    + "with \(padding) padding.")
        }
        self.window = window
        winograd = WinogradConvolution(window: window, filters: filters)
        method = winograd != nil && window.channels >= WinogradConvolution.minimumChannels ? .winograd : .unfolding
        self.inputShape = inputShape
        outputShape = [window.rows.output, window.columns.output, filters]
        let positions = kernelSize.height * kernelSize.width
        kernel.value = kernelInitializer.matrix(
            fanIn: positions * window.channels, fanOut: positions * filters,
            rows: window.patchSize, columns: filters, generator: &generator)
        kernel.tensorShape = [kernelSize.height, kernelSize.width, window.channels, filters]
        bias.value = biasInitializer.matrix(
            fanIn: window.patchSize, fanOut: filters, rows: 1, columns: filters,
            generator: &generator)
        kernel.gradient = Matrix(rows: window.patchSize, columns: filters)
        bias.gradient = Matrix(rows: 1, columns: filters)
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        guard let window else { fatalError("\(name) (Conv2D) must be built before it is used.") }
        precondition(
            input.columns == window.inputSize,
            "\(name) (Conv2D) expected images of \(shapeText(inputShape)) = \(window.inputSize) values, "
                + "got \(input.columns).")
        let (batch, positions, width) = (input.rows, window.outputPositions, window.patchSize)
        precondition(
            kernel.value.rows == width && kernel.value.columns == filters && bias.value.count == filters,
            "\(name) (Conv2D) needs a \(width) × \(filters) kernel and \(filters) biases, "
                + "has \(kernel.value.rows) × \(kernel.value.columns) and \(bias.value.count).")
        let winograd = method == .winograd ? winograd : nil
        patches.reshapeForReuse(rows: winograd == nil ? batch * positions : 0, columns: width)
        output.reshapeForReuse(rows: batch, columns: positions * filters)
        trainingBatch = training ? batch : nil
        if batch == 0 { return output }
        input.scalars.withUnsafeBufferPointer { images in
            patches.scalars.withUnsafeMutableBufferPointer { patches in
                output.scalars.withUnsafeMutableBufferPointer { output in
                    kernel.value.scalars.withUnsafeBufferPointer { kernel in
                        bias.value.scalars.withUnsafeBufferPointer { bias in
                            let (images, output, kernel, bias) = (
                                images.baseAddress!, output.baseAddress!, kernel.baseAddress!, bias.baseAddress!
                            )
                            let patches = patches.baseAddress
                            winograd?.prepare(batch: batch, kernel: kernel)
                            inHalves(batch, split: splits(batch)) { part in
                                forEachPiece(of: part) { piece in
                                    let (first, rows) = (piece.lowerBound * positions, piece.count * positions)
                                    if let winograd {
                                        winograd.forward(
                                            piece, half: part.lowerBound > 0 ? 1 : 0, images: images, bias: bias,
                                            into: output)
                                    } else if let patches {
                                        window.unfold(piece, from: images, into: patches)
                                        // (rows, patchSize) · (patchSize, filters) → (rows, filters), one output pixel
                                        // per row; then the bias on every row.
                                        Matrix.multiply(
                                            patches + first * width, kernel, into: output + first * filters,
                                            m: rows, n: filters, k: width)
                                        nnkit_add_row(output + first * filters, bias, rows, filters)
                                    }
                                    // While the piece is in cache. Softmax, if asked for, runs over each pixel's
                                    // filters, as Keras's last axis.
                                    activation.applyInPlace(
                                        output + first * filters, count: rows * filters, width: filters)
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard let window, let batch = trainingBatch, outputGradient.rows == batch,
            outputGradient.columns == outputSize
        else {
            fatalError("\(name) (Conv2D): backward needs a forward pass in training mode on the same batch first.")
        }
        let (positions, width) = (window.outputPositions, window.patchSize)
        precondition(
            kernel.value.rows == width && kernel.value.columns == filters,
            "\(name) (Conv2D): its kernel changed shape between forward and backward.")
        let winograd = method == .winograd ? winograd : nil
        preactivationGradient.reshapeForReuse(rows: batch * positions, columns: filters)
        kernel.gradient.reshapeForReuse(rows: width, columns: filters)
        bias.gradient.reshapeForReuse(rows: 1, columns: filters)
        patchGradient.reshapeForReuse(
            rows: computesInputGradient && winograd == nil ? batch * positions : 0,
            columns: width)
        inputGradient.reshapeForReuse(rows: computesInputGradient ? batch : 0, columns: window.inputSize)
        // The second half of a batch sums its weight gradients apart, added in at the end.
        secondKernelGradient.reshapeForReuse(rows: width, columns: filters)
        secondBiasGradient.reshapeForReuse(rows: 1, columns: filters)
        let computesInputGradient = computesInputGradient
        trainingBatch = nil
        let split = splits(batch)
        output.scalars.withUnsafeBufferPointer { output in
            outputGradient.scalars.withUnsafeBufferPointer { gradient in
                patches.scalars.withUnsafeBufferPointer { patches in
                    preactivationGradient.scalars.withUnsafeMutableBufferPointer { preactivationGradient in
                        patchGradient.scalars.withUnsafeMutableBufferPointer { patchGradient in
                            inputGradient.scalars.withUnsafeMutableBufferPointer { inputGradient in
                                kernel.value.scalars.withUnsafeBufferPointer { kernelValue in
                                    kernel.gradient.scalars.withUnsafeMutableBufferPointer { kernelGradient in
                                        bias.gradient.scalars.withUnsafeMutableBufferPointer { biasGradient in
                                            secondKernelGradient.scalars.withUnsafeMutableBufferPointer {
                                                secondKernel in
                                                secondBiasGradient.scalars.withUnsafeMutableBufferPointer {
                                                    secondBias in
                                                    let (output, gradient, preactivationGradient) = (
                                                        output.baseAddress!, gradient.baseAddress!,
                                                        preactivationGradient.baseAddress!
                                                    )
                                                    let (patches, patchGradient) = (
                                                        patches.baseAddress, patchGradient.baseAddress
                                                    )
                                                    let inputGradient =
                                                        computesInputGradient ? inputGradient.baseAddress : nil
                                                    inHalves(batch, split: split) { part in
                                                        let isSecond = part.lowerBound > 0
                                                        let kernelGradient = (isSecond ? secondKernel : kernelGradient)
                                                            .baseAddress!
                                                        let biasGradient = (isSecond ? secondBias : biasGradient)
                                                            .baseAddress!
                                                        biasGradient.update(repeating: 0, count: filters)
                                                        forEachPiece(of: part) { piece in
                                                            let (first, rows) = (
                                                                piece.lowerBound * positions, piece.count * positions
                                                            )
                                                            let accumulating = piece.lowerBound > part.lowerBound
                                                            activation.backward(
                                                                output: output + first * filters,
                                                                outputGradient: gradient + first * filters,
                                                                into: preactivationGradient + first * filters,
                                                                count: rows * filters, width: filters)
                                                            nnkit_add_column_sums(
                                                                preactivationGradient + first * filters, biasGradient,
                                                                rows, filters)
                                                            if let winograd {
                                                                winograd.backward(
                                                                    piece, half: isSecond ? 1 : 0,
                                                                    accumulating: accumulating,
                                                                    preactivationGradient: preactivationGradient,
                                                                    inputGradient: inputGradient)
                                                                return
                                                            }
                                                            guard let patches else { return }
                                                            // (patchSize, rows) · (rows, filters) → (patchSize, filters), summed over pieces
                                                            Matrix.multiply(
                                                                patches + first * width, transposingA: true,
                                                                preactivationGradient + first * filters,
                                                                into: kernelGradient, m: width, n: filters, k: rows,
                                                                beta: accumulating ? 1 : 0)
                                                            if let inputGradient, let patchGradient {
                                                                // (rows, filters) · (filters, patchSize) → (rows, patchSize), then each patch
                                                                // value goes back to the pixel it was read from.
                                                                Matrix.multiply(
                                                                    preactivationGradient + first * filters,
                                                                    kernelValue.baseAddress!, transposingB: true,
                                                                    into: patchGradient + first * width, m: rows,
                                                                    n: width, k: filters)
                                                                window.fold(
                                                                    piece, from: patchGradient, into: inputGradient)
                                                            }
                                                        }
                                                        winograd?.kernelGradient(
                                                            half: isSecond ? 1 : 0, into: kernelGradient)
                                                    }
                                                    if split {
                                                        for i in 0..<kernelGradient.count {
                                                            kernelGradient[i] += secondKernel[i]
                                                        }
                                                        for i in 0..<filters { biasGradient[i] += secondBias[i] }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }

    /// Calls `body` with each piece of `part`: a few images at a time, so that what a piece
    /// writes is still in the core's cache when the next step reads it (the activation after
    /// the product, the products after the transforms).
    private func forEachPiece(of part: Range<Int>, _ body: (Range<Int>) -> Void) {
        let size: Int
        if method == .winograd, let winograd {
            size = winograd.imagesPerPiece
        } else {
            size = max(1, Self.positionsPerPiece / max(1, window?.outputPositions ?? 1))
        }
        for first in stride(from: part.lowerBound, to: part.upperBound, by: size) {
            body(first..<min(first + size, part.upperBound))
        }
    }

    /// Output positions per piece with im2col: about 200 KB of output for 32 filters.
    private static let positionsPerPiece = 1600

    /// Whether a batch of `batch` images is split between two cores: when NNKit may use more
    /// than one and the batch is large enough. Decided once per pass, so that forward and
    /// backward agree with what they allocated.
    private func splits(_ batch: Int) -> Bool {
        BLAS.workerCount > 1 && batch >= ImageWindow.parallelImages
    }

    /// Runs `body` over the batch's images: with `split`, in two halves at once, each on one core
    /// with BLAS on one thread; else in one piece. Images are independent, so each half touches
    /// only its own rows.
    private func inHalves(_ batch: Int, split: Bool, _ body: (Range<Int>) -> Void) {
        guard split else {
            body(0..<batch)
            return
        }
        BLAS.beginSingleThreaded()
        runner.runInHalves(count: batch, body)
        BLAS.endSingleThreaded()
    }
}

/// How a `Conv2D` computes its sums. Both are matrix products through BLAS and give the same
/// numbers up to rounding.
enum ConvolutionMethod: Equatable {
    /// im2col: every window unfolded into a row of a patch matrix, then one product.
    case unfolding
    /// Winograd's F(2 × 2, 3 × 3): 16 smaller products, 2.25 times fewer multiply-adds.
    case winograd
}

extension Conv2D: LayerKind, ImageLayer {
    static let kerasClassName = "Conv2D"

    static func make(_ settings: LayerSettings) throws -> Conv2D {
        Conv2D(
            filters: try settings.count("filters", of: "filter"),
            kernelSize: try settings.size("kernel_size", default: nil),
            strides: try settings.size("strides", default: 1), padding: try settings.padding(),
            activation: try settings.activation("activation", default: .linear))
    }

    static func footprint(_ settings: LayerSettings, input: ShapeArithmetic) throws -> LayerFootprint {
        let layer = try make(settings)
        let fitted = try input.window(layer.kernelSize, layer.strides, layer.padding)
        let patch = try input.product(
            try input.product(layer.kernelSize.height, layer.kernelSize.width), fitted.channels)
        let outputShape = [fitted.rows.output, fitted.columns.output, layer.filters]
        let (output, positions) = (try input.values(outputShape), fitted.outputPositions)
        let patches = try input.product(positions, patch)
        // Unfolded windows (positions × kernel height × width × channels) and outputs; in
        // training also their gradients and the input's. Winograd's tiles are fewer.
        return LayerFootprint(
            parameters: try input.weights([patch, layer.filters], plus: layer.filters),
            outputShape: outputShape, outputValues: output,
            inferenceValues: try input.sum([patches, output]),
            trainingValues: try input.sum([
                try input.product(2, patches), try input.product(2, output),
                try input.values(input.shape),
            ]))
    }

    static func configuration(keras options: KerasOptions) throws(ConfigProblem) -> LayerConfiguration {
        try options.channelsLast()
        try options.flag("use_bias", is: true, "NNKit's Conv2D always has a bias")
        if let dilation = try options.pair("dilation_rate"), dilation != .ints([1, 1]) {
            throw ConfigProblem(
                "\(options.label) has dilation_rate \(options["dilation_rate"]?.text ?? ""); "
                    + "NNKit's Conv2D has none")
        }
        if let groups = options["groups"], !groups.isNull, groups.int != 1 {
            throw ConfigProblem("\(options.label) has groups \(groups.text); NNKit's Conv2D has one group")
        }
        try options.absent(
            [
                "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
                "bias_constraint", "lora_rank",
            ], "NNKit's Conv2D has no such option")
        guard let kernelSize = try options.pair("kernel_size") else {
            throw ConfigProblem("\(options.label) has no kernel_size")
        }
        return LayerConfiguration(
            type: kerasClassName,
            [
                ("filters", .int(try options.whole("filters"))), ("kernel_size", kernelSize),
                ("strides", try options.pair("strides") ?? .ints([1, 1])), ("padding", try options.padding()),
                ("activation", try options.activation()),
            ])
    }

    var kerasOptions: [(String, JSONValue)] {
        [
            ("filters", .number(Double(filters))), ("kernel_size", KerasJSON.pair(kernelSize)),
            ("strides", KerasJSON.pair(strides)), ("padding", .string(padding.rawValue)),
            ("data_format", .string("channels_last")), ("dilation_rate", KerasJSON.pair(1)), ("groups", .number(1)),
            ("activation", .string(activation.rawValue)), ("use_bias", .bool(true)),
            ("kernel_initializer", KerasJSON.initializer(kernelInitializer)),
            ("bias_initializer", KerasJSON.initializer(biasInitializer)), ("kernel_regularizer", .null),
            ("bias_regularizer", .null), ("activity_regularizer", .null), ("kernel_constraint", .null),
            ("bias_constraint", .null),
        ]
    }
}
