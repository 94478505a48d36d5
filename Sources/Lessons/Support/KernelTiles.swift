import Augment
import NNKit

/// A convolution's kernels as small grey images, one per filter, for terminal and PNG sheets.
enum KernelTiles {
    /// The first input channel of each of `conv`'s kernels (the only one, on grey images), each
    /// on its own scale so that its pattern shows: 0 is mid-grey, its largest weight by magnitude
    /// black (negative) or white (positive).
    static func tiles(_ conv: Conv2D) -> [Image] {
        let (height, width) = (conv.kernelSize.height, conv.kernelSize.width)
        let channels = conv.inputShape.count == 3 ? conv.inputShape[2] : 1
        let kernels = conv.kernel.value
        // The kernel matrix has one row per (i, j, channel), channel fastest, as im2col reads.
        return (0..<conv.filters).map { filter in
            let weights = (0..<height * width).map { kernels[$0 * channels, filter] }
            let largest = max(weights.map(abs).max() ?? 0, 1e-12)
            return Image(width: width, height: height, intensities: weights.map { 0.5 + 0.5 * $0 / largest })
        }
    }
}
