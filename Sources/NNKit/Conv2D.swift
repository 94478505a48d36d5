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
/// The sum is computed as one product (im2col): the windows are unfolded into a patch matrix
/// with one row per output position, and `patches · kernel` gives every pixel of every filter.
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
    // Kept between forward and backward, and reused from batch to batch.
    private var patches = Matrix(rows: 0, columns: 0)
    private var preactivation = Matrix(rows: 0, columns: 0)
    private var output = Matrix(rows: 0, columns: 0)
    private var preactivationGradient = Matrix(rows: 0, columns: 0)
    private var patchGradient = Matrix(rows: 0, columns: 0)
    private var inputGradient = Matrix(rows: 0, columns: 0)
    private var hasTrainingPass = false
    /// The weight gradients of a batch's second half, when it is split between two cores.
    private var secondKernelGradient = Matrix(rows: 0, columns: 0)
    private var secondBiasGradient = Matrix(rows: 0, columns: 0)
    /// Splits a batch's images between two cores.
    private let runner = ElementwiseRunner()

    public init(filters: Int, kernelSize: Size2D, strides: Size2D = 1, padding: Padding = .valid,
                activation: ActivationFunction = .linear,
                kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros) {
        precondition(filters > 0, "Conv2D needs at least one filter, got \(filters).")
        precondition(kernelSize.height > 0 && kernelSize.width > 0,
                     "Conv2D's kernel needs a positive size, got \(kernelSize).")
        precondition(strides.height > 0 && strides.width > 0,
                     "Conv2D's strides must be positive, got \(strides).")
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
    }

    public var typeName: String { "Conv2D" }
    public var outputSize: Int { elementCount(outputShape) }
    public var splitsBatchAcrossCores: Bool { true }
    public var parameters: [Parameter] { [kernel, bias] }

    public var configuration: LayerConfiguration {
        LayerConfiguration(type: typeName, [
            ("filters", .int(filters)), ("kernel_size", .ints(kernelSize.pair)),
            ("strides", .ints(strides.pair)), ("padding", .string(padding.rawValue)),
            ("activation", .string(activation.rawValue)),
        ])
    }

    public func build(inputSize: Int, generator: inout RandomGenerator) {
        build(inputShape: [inputSize], generator: &generator)
    }

    public func build(inputShape: [Int], generator: inout RandomGenerator) {
        precondition(inputShape.count == 3,
                     "Conv2D needs images, [height, width, channels]; its input is \(shapeText(inputShape)). "
                     + "Give the model an input shape such as Sequential(inputShape: [28, 28, 1], …).")
        guard let window = ImageWindow(inputShape: inputShape, window: kernelSize, strides: strides, padding: padding) else {
            preconditionFailure("Conv2D's \(kernelSize) kernel does not fit its \(shapeText(inputShape)) input "
                                + "with \(padding) padding.")
        }
        self.window = window
        self.inputShape = inputShape
        outputShape = [window.rows.output, window.columns.output, filters]
        let positions = kernelSize.height * kernelSize.width
        kernel.value = kernelInitializer.matrix(fanIn: positions * window.channels, fanOut: positions * filters,
                                                rows: window.patchSize, columns: filters, generator: &generator)
        kernel.tensorShape = [kernelSize.height, kernelSize.width, window.channels, filters]
        bias.value = biasInitializer.matrix(fanIn: window.patchSize, fanOut: filters, rows: 1, columns: filters,
                                            generator: &generator)
        kernel.gradient = Matrix(rows: window.patchSize, columns: filters)
        bias.gradient = Matrix(rows: 1, columns: filters)
    }

    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        guard let window else { preconditionFailure("\(name) (Conv2D) must be built before it is used.") }
        precondition(input.columns == window.inputSize,
                     "\(name) (Conv2D) expected images of \(shapeText(inputShape)) = \(window.inputSize) values, "
                     + "got \(input.columns).")
        let (batch, positions, width) = (input.rows, window.outputPositions, window.patchSize)
        precondition(kernel.value.rows == width && kernel.value.columns == filters && bias.value.count == filters,
                     "\(name) (Conv2D) needs a \(width) × \(filters) kernel and \(filters) biases, "
                     + "has \(kernel.value.rows) × \(kernel.value.columns) and \(bias.value.count).")
        patches.reshapeForReuse(rows: batch * positions, columns: width)
        preactivation.reshapeForReuse(rows: batch * positions, columns: filters)
        output.reshapeForReuse(rows: batch, columns: positions * filters)
        hasTrainingPass = training
        if batch == 0 { return output }
        input.scalars.withUnsafeBufferPointer { images in
        patches.scalars.withUnsafeMutableBufferPointer { patches in
        preactivation.scalars.withUnsafeMutableBufferPointer { preactivation in
        output.scalars.withUnsafeMutableBufferPointer { output in
        kernel.value.scalars.withUnsafeBufferPointer { kernel in
        bias.value.scalars.withUnsafeBufferPointer { bias in
            let (patches, preactivation, output) = (patches.baseAddress!, preactivation.baseAddress!, output.baseAddress!)
            inHalves(batch, split: splits(batch)) { part in
                let (first, rows) = (part.lowerBound * positions, part.count * positions)
                window.unfold(part, from: images.baseAddress!, into: patches)
                // Every output position starts as the bias; then
                // += (rows, patchSize) · (patchSize, filters) → (rows, filters), one output pixel per row.
                for row in first ..< first + rows { (preactivation + row * filters).update(from: bias.baseAddress!, count: filters) }
                Matrix.multiply(patches + first * width, kernel.baseAddress!, into: preactivation + first * filters,
                                m: rows, n: filters, k: width, beta: 1)
                // Softmax, if asked for, runs over each pixel's filters, as Keras's last axis.
                activation.apply(preactivation + first * filters, into: output + first * filters,
                                 count: rows * filters, width: filters)
            }
        }}}}}}
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard let window, hasTrainingPass, outputGradient.rows * window.outputPositions == patches.rows,
              outputGradient.columns == outputSize else {
            preconditionFailure("\(name) (Conv2D): backward needs a forward pass in training mode on the same batch first.")
        }
        let (batch, positions, width) = (outputGradient.rows, window.outputPositions, window.patchSize)
        precondition(kernel.value.rows == width && kernel.value.columns == filters,
                     "\(name) (Conv2D): its kernel changed shape between forward and backward.")
        preactivationGradient.reshapeForReuse(rows: batch * positions, columns: filters)
        kernel.gradient.reshapeForReuse(rows: width, columns: filters)
        bias.gradient.reshapeForReuse(rows: 1, columns: filters)
        patchGradient.reshapeForReuse(rows: computesInputGradient ? batch * positions : 0, columns: width)
        inputGradient.reshapeForReuse(rows: computesInputGradient ? batch : 0, columns: window.inputSize)
        // The second half of a batch sums its weight gradients apart, added in at the end.
        secondKernelGradient.reshapeForReuse(rows: width, columns: filters)
        secondBiasGradient.reshapeForReuse(rows: 1, columns: filters)
        let computesInputGradient = computesInputGradient
        hasTrainingPass = false
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
        secondKernelGradient.scalars.withUnsafeMutableBufferPointer { secondKernel in
        secondBiasGradient.scalars.withUnsafeMutableBufferPointer { secondBias in
            let (patches, preactivationGradient) = (patches.baseAddress!, preactivationGradient.baseAddress!)
            inHalves(batch, split: split) { part in
                let (first, rows) = (part.lowerBound * positions, part.count * positions)
                let isSecond = part.lowerBound > 0
                activation.backward(output: output.baseAddress! + first * filters,
                                    outputGradient: gradient.baseAddress! + first * filters,
                                    into: preactivationGradient + first * filters,
                                    count: rows * filters, width: filters)
                // (patchSize, rows) · (rows, filters) → (patchSize, filters)
                Matrix.multiply(patches + first * width, transposingA: true, preactivationGradient + first * filters,
                                into: (isSecond ? secondKernel : kernelGradient).baseAddress!, m: width, n: filters, k: rows)
                nnkit_sum_columns(preactivationGradient + first * filters, (isSecond ? secondBias : biasGradient).baseAddress!,
                                  rows, filters)
                if computesInputGradient {
                    // (rows, filters) · (filters, patchSize) → (rows, patchSize), then each patch
                    // value goes back to the pixel it was read from.
                    Matrix.multiply(preactivationGradient + first * filters, kernelValue.baseAddress!, transposingB: true,
                                    into: patchGradient.baseAddress! + first * width, m: rows, n: width, k: filters)
                    window.fold(part, from: patchGradient.baseAddress!, into: inputGradient.baseAddress!)
                }
            }
            if split {
                for i in 0 ..< kernelGradient.count { kernelGradient[i] += secondKernel[i] }
                for i in 0 ..< filters { biasGradient[i] += secondBias[i] }
            }
        }}}}}}}}}}}
        return inputGradient
    }

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
            body(0 ..< batch)
            return
        }
        BLAS.beginSingleThreaded()
        runner.runInHalves(count: batch, body)
        BLAS.endSingleThreaded()
    }
}
