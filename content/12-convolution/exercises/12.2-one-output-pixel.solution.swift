func convolutionPixel(image: [[[Float]]], kernel: [[[[Float]]]], bias: [Float],
                      row: Int, column: Int, filter: Int, stride: Int) -> Float {
    var sum = bias[filter]
    for i in kernel.indices {
        for j in kernel[i].indices {
            for c in kernel[i][j].indices {
                sum += image[row * stride + i][column * stride + j][c] * kernel[i][j][c][filter]
            }
        }
    }
    return sum
}
