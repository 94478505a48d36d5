// Wrong: the windows move one pixel at a time whatever the stride
// The check says: k: 2, stride: 2, padding: 0
func im2col(_ image: [Float], width: Int, height: Int, k: Int, stride: Int, padding: Int) -> [[Float]] {
    let outputHeight = (height + 2 * padding - k) / stride + 1
    let outputWidth = (width + 2 * padding - k) / stride + 1
    var rows: [[Float]] = []
    for row in 0 ..< outputHeight {
        for column in 0 ..< outputWidth {
            var window: [Float] = []
            for i in 0 ..< k {
                for j in 0 ..< k {
                    let (y, x) = (row + i - padding, column + j - padding)
                    window.append(y >= 0 && y < height && x >= 0 && x < width ? image[y * width + x] : 0)
                }
            }
            rows.append(window)
        }
    }
    return rows
}
