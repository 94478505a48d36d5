// Wrong: the window starts at (column, row) of the image instead of (row, column)
// The check says: the window one to the right
func convolutionPixel(image: [[[Float]]], kernel: [[[[Float]]]], bias: [Float],
                      row: Int, column: Int, filter: Int, stride: Int) -> Float {
    var sum = bias[filter]
    for i in kernel.indices {
        for j in kernel[i].indices {
            for c in kernel[i][j].indices {
                sum += image[column * stride + i][row * stride + j][c] * kernel[i][j][c][filter]
            }
        }
    }
    return sum
}
