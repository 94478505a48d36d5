/// What NNKit's fast paths compute, written as the formulas: plain loops over plain arrays, one
/// multiply-add at a time, with nothing to make them fast.
///
/// The layers and optimizers compute the same numbers through BLAS products, Winograd's
/// transforms, vectorized C and two cores. These functions are the specification they are
/// tested against (on random shapes, up to float rounding), and the place to read what a layer
/// does. Images are channels-last as in Keras: `[height, width, channels]`, flattened with the
/// channel fastest; a batch is `batch` such images one after another.
public enum Reference {
    /// An image shape: `height` × `width` × `channels`.
    public struct ImageShape: Equatable, Sendable {
        public var height: Int
        public var width: Int
        public var channels: Int

        public init(height: Int, width: Int, channels: Int) {
            self.height = height
            self.width = width
            self.channels = channels
        }

        public var count: Int { height * width * channels }

        /// Where pixel (`y`, `x`), channel `c` sits in the flat array.
        func index(_ y: Int, _ x: Int, _ c: Int) -> Int {
            (y * width + x) * channels + c
        }
    }

    /// How a window of `size` moving by `stride` covers `length` pixels: the number of outputs
    /// and the padding before the first pixel. Valid: only windows inside the image. Same:
    /// `ceil(length / stride)` outputs, with the padding split as TensorFlow splits it (the
    /// extra pixel, if any, after the last).
    public static func outputLength(_ length: Int, window size: Int, stride: Int, padding: Padding)
        -> (count: Int, before: Int)
    {
        switch padding {
        case .valid:
            return (length >= size ? (length - size) / stride + 1 : 0, 0)
        case .same:
            let count = (length + stride - 1) / stride
            let total = max((count - 1) * stride + size - length, 0)
            return (count, total / 2)
        }
    }
}
