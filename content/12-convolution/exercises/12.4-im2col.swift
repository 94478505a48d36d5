/// Exercise 12.4 · im2col: a convolution as one matrix product
///
/// Summing window by window (exercise 12.2) is slow. Fast libraries, NNKit among them, first
/// copy each window into one row of a matrix ("image to columns"): row r holds the window of
/// output position r, its values read row by row. Multiplying that matrix by the kernel, one
/// column per filter, then gives every output pixel of every filter in one product, which BLAS
/// computes at close to the processor's peak.
///
/// Here the image is one channel, a flat array row after row (pixel (x, y) at index
/// y · width + x), the kernel `k × k`, and `padding` rows and columns of zeros surround the
/// image (`same` padding of a 3 × 3 kernel at stride 1 is padding 1). The output positions go
/// row by row; position (row, column)'s window starts at input (row · stride − padding,
/// column · stride − padding). A 4 × 4 image with k = 3, stride 1 and padding 0 gives 4 rows of
/// 9 values; with padding 1, 16 rows.
///
/// Write `im2col`, then run `lesson check 12.4`.
func im2col(_ image: [Float], width: Int, height: Int, k: Int, stride: Int, padding: Int) -> [[Float]] {
    // TODO: one row per output position, holding its k · k window (0 outside the image).
    return []
}
