/// A height and a width: a kernel's or a pooling window's size, or the steps it slides by.
/// An integer stands for a square: `kernelSize: 3` is 3 × 3, as in Keras.
public struct Size2D: Equatable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var height: Int
    public var width: Int

    public init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    public init(integerLiteral value: Int) {
        self.init(value, value)
    }

    /// `[height, width]`, as Keras's configurations list it.
    public var pair: [Int] { [height, width] }

    public var description: String { height == width ? "\(height)" : "(\(height), \(width))" }
}

/// How a sliding window treats the image's edges, with Keras's names.
public enum Padding: String, Sendable, CaseIterable {
    /// No padding: the window stays inside the image, so the output shrinks.
    case valid
    /// Zero padding (for pooling: ignored positions) so that the output has
    /// `ceil(input / stride)` positions; an odd amount of padding puts the extra row or
    /// column at the bottom or right, as TensorFlow does.
    case same
}

/// Where a window of `window` positions, moving `stride` at a time, lands along one axis of
/// `input` positions: how many outputs that gives and how much padding goes before the first.
struct WindowAxis: Equatable {
    let input: Int
    let window: Int
    let stride: Int
    let output: Int
    /// Padding positions before the first input (top or left).
    let paddingBefore: Int

    /// Nil when the window does not fit (valid padding on an input smaller than the window).
    init?(input: Int, window: Int, stride: Int, padding: Padding) {
        guard input > 0, window > 0, stride > 0 else { return nil }
        self.input = input
        self.window = window
        self.stride = stride
        switch padding {
        case .valid:
            guard input >= window else { return nil }
            output = (input - window) / stride + 1
            paddingBefore = 0
        case .same:
            output = (input + stride - 1) / stride
            // TensorFlow's rule: pad just enough for the last window, the smaller half first.
            let total = max((output - 1) * stride + window - input, 0)
            paddingBefore = total / 2
        }
    }

    /// The input position under window offset `offset` of output `index` (may be outside
    /// `0 ..< input`, in the padding).
    @inline(__always)
    func position(output index: Int, offset: Int) -> Int {
        index * stride - paddingBefore + offset
    }

    /// The window offsets of output `index` that fall inside the input.
    @inline(__always)
    func validOffsets(output index: Int) -> Range<Int> {
        let start = index * stride - paddingBefore
        return max(0, -start)..<min(window, input - start)
    }
}

/// A window sliding over a `height × width × channels` image (channels last, as Keras): the two
/// axes together, and the shape of the output.
struct ImageWindow: Equatable {
    let rows: WindowAxis
    let columns: WindowAxis
    let channels: Int

    /// Nil when the window does not fit the image.
    init?(inputShape: [Int], window: Size2D, strides: Size2D, padding: Padding) {
        guard inputShape.count == 3, inputShape[2] > 0,
            let rows = WindowAxis(
                input: inputShape[0], window: window.height, stride: strides.height, padding: padding),
            let columns = WindowAxis(
                input: inputShape[1], window: window.width, stride: strides.width, padding: padding)
        else { return nil }
        self.rows = rows
        self.columns = columns
        self.channels = inputShape[2]
    }

    /// Output positions per image: `outputHeight · outputWidth`.
    var outputPositions: Int { rows.output * columns.output }
    /// Input values per image: `height · width · channels`.
    var inputSize: Int { rows.input * columns.input * channels }
}

/// `[28, 28, 1]` → 784: the number of values in one sample of this shape.
func elementCount(_ shape: [Int]) -> Int {
    shape.reduce(1, *)
}

/// `(28, 28, 1)`: a sample's shape as Keras prints it, after `None, ` for the batch.
func shapeText(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ", ") + ")"
}
