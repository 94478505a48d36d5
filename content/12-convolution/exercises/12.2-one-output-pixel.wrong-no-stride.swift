// Wrong: the window moves one pixel per output whatever the stride
// The check says: stride 2: output (0, 1)
func convolutionPixel(image: [[[Float]]], kernel: [[[[Float]]]], bias: [Float],
                      row: Int, column: Int, filter: Int, stride: Int) -> Float {
    var sum = bias[filter]
    for i in kernel.indices {
        for j in kernel[i].indices {
            for c in kernel[i][j].indices {
                sum += image[row + i][column + j][c] * kernel[i][j][c][filter]
            }
        }
    }
    return sum
}
