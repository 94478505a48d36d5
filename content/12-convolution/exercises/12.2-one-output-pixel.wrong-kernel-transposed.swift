// Wrong: the kernel is read as kernel[j][i], across where it should go down
// The check says: kernel [[1, 3], [0, −1]], output (0, 0)
func convolutionPixel(image: [[[Float]]], kernel: [[[[Float]]]], bias: [Float],
                      row: Int, column: Int, filter: Int, stride: Int) -> Float {
    var sum = bias[filter]
    for i in kernel.indices {
        for j in kernel[i].indices {
            for c in kernel[i][j].indices {
                sum += image[row * stride + i][column * stride + j][c] * kernel[j][i][c][filter]
            }
        }
    }
    return sum
}
