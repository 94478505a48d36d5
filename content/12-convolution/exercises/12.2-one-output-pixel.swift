/// Exercise 12.2 · One output pixel
///
/// A convolution's output pixel is a weighted sum of the window under it, across every input
/// channel, plus the filter's bias:
///
///     output[row][column][f] = bias[f] + Σ_i Σ_j Σ_c image[row · stride + i][column · stride + j][c]
///                                                   · kernel[i][j][c][f]
///
/// Shapes are Keras's: `image[y][x][c]` (height, width, channels) and `kernel[i][j][c][f]`
/// (kernel height, kernel width, input channels, filters). Indices count from 0. Padding is
/// valid here, so the window always lies inside the image.
///
/// The same 3 × 3 × 32 weights of a filter in chapter 12's second convolution are used at every
/// one of the 196 positions of its input: that sharing is why it has 18,496 weights where a
/// Dense layer between the same shapes would need over 78 million.
///
/// Write `convolutionPixel`, then run `lesson check 12.2`.
func convolutionPixel(image: [[[Float]]], kernel: [[[[Float]]]], bias: [Float],
                      row: Int, column: Int, filter: Int, stride: Int) -> Float {
    // TODO: the bias plus the weighted sum over the window's rows, columns and channels.
    return 0
}
