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
    /// Splits the unfolding and folding of a batch between two cores.
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
        let batch = input.rows
        window.unfold(input, into: &patches, runner: runner)
        // Every output position starts as the bias; then
        // += (batch · positions, patchSize) · (patchSize, filters) → (batch · positions, filters).
        preactivation.fillRows(with: bias.value, count: patches.rows)
        Matrix.multiply(patches, kernel.value, into: &preactivation, beta: 1)
        // The same numbers read as one image per row: (batch, positions · filters).
        preactivation.reshape(rows: batch, columns: window.outputPositions * filters)
        activation.apply(preactivation, into: &output)
        hasTrainingPass = training
        return output
    }

    public func backward(_ outputGradient: Matrix) -> Matrix {
        guard let window, hasTrainingPass, outputGradient.rows * window.outputPositions == patches.rows else {
            preconditionFailure("\(name) (Conv2D): backward needs a forward pass in training mode on the same batch first.")
        }
        activation.backward(output: output, outputGradient: outputGradient, into: &preactivationGradient)
        // One output pixel per row again: (batch · positions, filters).
        preactivationGradient.reshape(rows: patches.rows, columns: filters)
        // (patchSize, batch · positions) · (batch · positions, filters) → (patchSize, filters)
        Matrix.multiply(patches, transposingA: true, preactivationGradient, into: &kernel.gradient)
        preactivationGradient.sumColumns(into: &bias.gradient)
        if computesInputGradient {
            // (batch · positions, filters) · (filters, patchSize) → (batch · positions, patchSize),
            // then each patch value goes back to the pixel it was read from.
            Matrix.multiply(preactivationGradient, kernel.value, transposingB: true, into: &patchGradient)
            window.fold(patchGradient, into: &inputGradient, runner: runner)
        } else {
            inputGradient.reshapeForReuse(rows: 0, columns: window.inputSize)
        }
        hasTrainingPass = false
        return inputGradient
    }
}
