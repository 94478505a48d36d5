internal import CBLAS

/// im2col: a convolution as one matrix product. Every window of every image becomes one row
/// of a patch matrix, so that `patches · kernel` computes every output pixel of every filter in
/// one call to BLAS; `fold` is its adjoint and carries gradients back to the pixels.
///
/// Images are independent, so both work on any range of a batch's images: a layer can give
/// each core its own half.
extension ImageWindow {
    /// Values in one patch row: `kernel height · kernel width · channels`, ordered as a Keras
    /// kernel's first three axes (row, then column, then channel).
    var patchSize: Int { rows.window * columns.window * channels }

    /// Below this many images a batch is not split: the second thread would cost more than it saves.
    static let parallelImages = 8

    /// `images: (batch, height · width · channels) → patches: (batch · outputHeight ·
    /// outputWidth, patchSize)`, one row per output position (image, then row, then column),
    /// for the images in `batch` only, into their rows of `target`. Positions in the padding
    /// read as 0.
    func unfold(_ batch: Range<Int>, from source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>) {
        let width = patchSize
        var patch = target + batch.lowerBound * outputPositions * width
        for image in batch {
            let pixels = source + image * inputSize
            forEachWindow { top, left, windowRows, windowColumns in
                if windowRows.count < rows.window || windowColumns.count < columns.window {
                    patch.update(repeating: 0, count: width)
                }
                let run = windowColumns.count * channels
                for row in windowRows {
                    // One contiguous run: the window's columns on this row, all channels.
                    let from = pixels + ((top + row) * columns.input + left + windowColumns.lowerBound) * channels
                    let to = patch + (row * columns.window + windowColumns.lowerBound) * channels
                    to.update(from: from, count: run)
                }
                patch += width
            }
        }
    }

    /// The adjoint of `unfold`: `patches: (batch · outputPositions, patchSize) → images:
    /// (batch, height · width · channels)`, each pixel the sum of every patch value read from
    /// it (windows that overlap add up; values in the padding are dropped), for the images in
    /// `batch` only, from their rows of `source`.
    func fold(_ batch: Range<Int>, from source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>) {
        let width = patchSize
        (target + batch.lowerBound * inputSize).update(repeating: 0, count: batch.count * inputSize)
        var patch = source + batch.lowerBound * outputPositions * width
        for image in batch {
            let pixels = target + image * inputSize
            forEachWindow { top, left, windowRows, windowColumns in
                let run = windowColumns.count * channels
                for row in windowRows {
                    let to = pixels + ((top + row) * columns.input + left + windowColumns.lowerBound) * channels
                    let from = patch + (row * columns.window + windowColumns.lowerBound) * channels
                    // to += from, through BLAS: fast in every build.
                    cblas_saxpy(Int32(run), 1, from, 1, to, 1)
                }
                patch += width
            }
        }
    }

    /// Calls `body` for each output position of one image, row by row: the input row and
    /// column of the window's top-left corner (negative in the padding) and the window offsets
    /// that fall inside the image.
    @inline(__always)
    func forEachWindow(_ body: (_ top: Int, _ left: Int, _ windowRows: Range<Int>, _ windowColumns: Range<Int>) -> Void)
    {
        for outputRow in 0..<rows.output {
            let top = rows.position(output: outputRow, offset: 0)
            let windowRows = rows.validOffsets(output: outputRow)
            for outputColumn in 0..<columns.output {
                body(
                    top, columns.position(output: outputColumn, offset: 0), windowRows,
                    columns.validOffsets(output: outputColumn))
            }
        }
    }
}
