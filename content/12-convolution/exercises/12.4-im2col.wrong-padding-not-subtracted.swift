// Wrong: a window starts at (row · stride, column · stride), forgetting to step back by the padding
// The check says: the top-left window over the padding
func im2col(_ image: [Float], width: Int, height: Int, k: Int, stride: Int, padding: Int) -> [[Float]] {
    let outputHeight = (height + 2 * padding - k) / stride + 1
    let outputWidth = (width + 2 * padding - k) / stride + 1
    var rows: [[Float]] = []
    for row in 0 ..< outputHeight {
        for column in 0 ..< outputWidth {
            var window: [Float] = []
            for i in 0 ..< k {
                for j in 0 ..< k {
                    let (y, x) = (row * stride + i, column * stride + j)
                    window.append(y >= 0 && y < height && x >= 0 && x < width ? image[y * width + x] : 0)
                }
            }
            rows.append(window)
        }
    }
    return rows
}
