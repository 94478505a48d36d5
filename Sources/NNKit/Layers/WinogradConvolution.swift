internal import CKernels

/// A 3 × 3, stride-1 convolution by Winograd's minimal filtering F(2 × 2, 3 × 3), the scheme
/// cuDNN and oneDNN use for such layers (Lavin and Gray, 2016).
///
/// Each 2 × 2 block of output pixels is read from a 4 × 4 tile of the input. Transformed, a
/// tile and a kernel meet in 16 products per channel pair where the direct sum needs 36; summed
/// over channels, those become 16 matrix products, one per tile position ξ, which BLAS does:
///
///     V[ξ] = (Bᵀ d B)[ξ]   for every tile d      (tiles × channels)
///     U[ξ] = (G g Gᵀ)[ξ]   for every kernel g    (channels × filters)
///     M[ξ] = V[ξ] · U[ξ]                          (tiles × filters)
///     Y    = Aᵀ M A + bias for every tile
///
/// That is 2.25 times fewer multiply-adds than im2col's one product, for the same result up to
/// rounding (the transforms only add, subtract and halve). The backward pass is the transpose:
///
///     dM = A dY Aᵀ,   dU[ξ] = V[ξ]ᵀ · dM[ξ],   dg = Gᵀ dU G,   dV[ξ] = dM[ξ] · U[ξ]ᵀ,   dX = Σ B dV Bᵀ
///
/// so the gradients are exactly those of the computed forward pass. The transforms are in
/// CKernels (winograd.c); this type holds the geometry and the buffers, reused from batch to
/// batch. Images are independent, so forward and backward work on any range of a batch's
/// images: `Conv2D` gives each core its half.
final class WinogradConvolution {
    /// Below this many input channels the 16 products are too thin for BLAS to be efficient
    /// (a first layer on grey images has 1), and im2col's single product is faster.
    static let minimumChannels = 8

    /// Tiles per piece of work: few enough that a piece's V and M stay in a core's cache
    /// between the transforms and the products (about 0.6 MB for chapter 12's second layer).
    static let tilesPerPiece = 128

    private var shape: nnkit_winograd_shape
    private let tilesPerImage: Int
    /// Images per piece of work; `Conv2D` takes a batch this many at a time.
    let imagesPerPiece: Int
    private let channels: Int
    private let filters: Int

    /// U and Uᵀ: 16 blocks of (channels, filters) and of (filters, channels).
    private let kernel = FloatBuffer()
    private let transposedKernel = FloatBuffer()
    /// V for the whole batch, kept from the forward pass for the kernel's gradient; each piece's
    /// rows are overwritten by its dV once their last use is past.
    private let tiles = FloatBuffer()
    /// M in the forward pass, dM in the backward one: one piece at a time, one buffer per half.
    private let products = [FloatBuffer(), FloatBuffer()]
    /// dU for each half of a batch.
    private let kernelGradients = [FloatBuffer(), FloatBuffer()]
    /// Zeros for the padding, and one scratch row per half for values that fall in it.
    private let zeros = FloatBuffer()
    private let sinks = [FloatBuffer(), FloatBuffer()]
    /// Tiles in the batch the buffers are laid out for.
    private var tileCount = 0

    /// Nil unless `window` is a 3 × 3 window moving one pixel at a time.
    init?(window: ImageWindow, filters: Int) {
        guard window.rows.window == 3, window.columns.window == 3,
            window.rows.stride == 1, window.columns.stride == 1
        else { return nil }
        let (rows, columns) = (window.rows, window.columns)
        shape = nnkit_winograd_shape(
            height: Int32(rows.input), width: Int32(columns.input), channels: Int32(window.channels),
            pad_top: Int32(rows.paddingBefore), pad_left: Int32(columns.paddingBefore),
            output_height: Int32(rows.output), output_width: Int32(columns.output), filters: Int32(filters),
            tile_rows: Int32((rows.output + 1) / 2), tile_columns: Int32((columns.output + 1) / 2))
        tilesPerImage = Int(shape.tile_rows) * Int(shape.tile_columns)
        imagesPerPiece = max(1, Self.tilesPerPiece / tilesPerImage)
        channels = window.channels
        self.filters = filters
        kernel.reserve(16 * channels * filters)
        transposedKernel.reserve(16 * channels * filters)
        for gradient in kernelGradients { gradient.reserve(16 * channels * filters) }
        for product in products { product.reserve(16 * imagesPerPiece * tilesPerImage * filters) }
        zeros.reserve(max(channels, filters))
        zeros.base.update(repeating: 0, count: max(channels, filters))
        for sink in sinks { sink.reserve(channels) }
    }

    private var inputSize: Int { Int(shape.height) * Int(shape.width) * channels }
    private var outputSize: Int { Int(shape.output_height) * Int(shape.output_width) * filters }

    /// Lays the buffers out for `batch` images and transforms `kernel`, a Keras kernel (3, 3,
    /// channels, filters): once per forward pass, before the halves start.
    func prepare(batch: Int, kernel weights: UnsafePointer<Float>) {
        tileCount = batch * tilesPerImage
        tiles.reserve(16 * tileCount * channels)
        nnkit_winograd_kernel(weights, kernel.base, channels, filters)
        nnkit_winograd_transpose_kernel(kernel.base, transposedKernel.base, channels, filters)
    }

    /// Calls `body` with each piece of `part`: its images, and its tiles' first row in each
    /// block of V.
    private func forEachPiece(
        of part: Range<Int>, _ body: (_ images: Range<Int>, _ tiles: UnsafeMutablePointer<Float>) -> Void
    ) {
        for first in stride(from: part.lowerBound, to: part.upperBound, by: imagesPerPiece) {
            body(first..<min(first + imagesPerPiece, part.upperBound), tiles.base + first * tilesPerImage * channels)
        }
    }

    /// The preactivations (convolution plus bias) of the images in `part`, into their rows of
    /// `preactivation`, `(batch, outputHeight · outputWidth · filters)`. `half` (0 or 1) picks
    /// the scratch this thread owns.
    func forward(
        _ part: Range<Int>, half: Int, images: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        into preactivation: UnsafeMutablePointer<Float>
    ) {
        let tileStride = tileCount * channels
        let m = products[half].base
        let productStride = imagesPerPiece * tilesPerImage * filters
        withUnsafePointer(to: shape) { shape in
            forEachPiece(of: part) { pieceImages, v in
                let (count, rows) = (pieceImages.count, pieceImages.count * tilesPerImage)
                nnkit_winograd_input(
                    shape, images + pieceImages.lowerBound * inputSize, count, v, tileStride, zeros.base)
                for xi in 0..<16 {
                    // M[ξ] = V[ξ] · U[ξ]: (tiles, channels) · (channels, filters)
                    Matrix.multiply(
                        v + xi * tileStride, kernel.base + xi * channels * filters,
                        into: m + xi * productStride, m: rows, n: filters, k: channels)
                }
                nnkit_winograd_output(
                    shape, m, productStride, bias, preactivation + pieceImages.lowerBound * outputSize,
                    count)
            }
        }
    }

    /// From the gradient of the preactivations of the images in `part` (after a forward pass
    /// on the same batch): adds these images' share of the kernel's gradient to what this half
    /// has gathered (or starts it afresh, unless `accumulating`), and, unless nil, writes their
    /// gradient into their rows of `inputGradient`. `half` (0 or 1) picks the scratch this
    /// thread owns; `kernelGradient(half:into:)` gives the kernel's gradient at the end.
    func backward(
        _ part: Range<Int>, half: Int, accumulating: Bool, preactivationGradient: UnsafePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>?
    ) {
        let tileStride = tileCount * channels
        let dm = products[half].base
        let productStride = imagesPerPiece * tilesPerImage * filters
        let transformedGradient = kernelGradients[half].base
        withUnsafePointer(to: shape) { shape in
            forEachPiece(of: part) { pieceImages, v in
                let (count, rows) = (pieceImages.count, pieceImages.count * tilesPerImage)
                nnkit_winograd_output_gradient(
                    shape, preactivationGradient + pieceImages.lowerBound * outputSize, count,
                    dm, productStride, zeros.base)
                let beta: Float = accumulating || pieceImages.lowerBound > part.lowerBound ? 1 : 0
                for xi in 0..<16 {
                    let (v, dm) = (v + xi * tileStride, dm + xi * productStride)
                    // dU[ξ] += V[ξ]ᵀ · dM[ξ]: (channels, tiles) · (tiles, filters)
                    Matrix.multiply(
                        v, transposingA: true, dm, into: transformedGradient + xi * channels * filters,
                        m: channels, n: filters, k: rows, beta: beta)
                    // dV[ξ] = dM[ξ] · U[ξ]ᵀ: (tiles, filters) · (filters, channels), over these
                    // rows of V, whose last use was the line above.
                    if inputGradient != nil {
                        Matrix.multiply(
                            dm, transposedKernel.base + xi * channels * filters, into: v,
                            m: rows, n: channels, k: filters)
                    }
                }
                if let inputGradient {
                    nnkit_winograd_input_gradient(
                        shape, v, tileStride, inputGradient + pieceImages.lowerBound * inputSize,
                        count, sinks[half].base)
                }
            }
        }
    }

    /// The kernel's gradient over the images `half` has been given since it last started
    /// afresh, in Keras's layout: dg = Gᵀ dU G.
    func kernelGradient(half: Int, into kernelGradient: UnsafeMutablePointer<Float>) {
        nnkit_winograd_kernel_gradient(kernelGradients[half].base, kernelGradient, channels, filters)
    }
}

/// Scratch memory of floats that grows as needed and is never shared between objects: what
/// layers hand to C kernels and BLAS from two threads at once, each writing its own part,
/// without Swift arrays' exclusive-access rules getting in the way.
final class FloatBuffer {
    private(set) var base: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init() {
        capacity = 1
        base = .allocate(capacity: 1)
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `count` floats; the contents are undefined afterwards.
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        base = .allocate(capacity: count)
        capacity = count
    }
}
