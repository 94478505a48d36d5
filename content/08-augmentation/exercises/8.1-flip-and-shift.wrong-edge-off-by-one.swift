// Wrong: the edge test lets x − dx equal width (<= for <), reading the first pixel of the next row
// The check says: one pixel left and one down
func flippedHorizontally(_ pixels: [Float], width: Int, height: Int) -> [Float] {
    var result = pixels
    for y in 0 ..< height {
        for x in 0 ..< width { result[y * width + x] = pixels[y * width + (width - 1 - x)] }
    }
    return result
}

func shifted(_ pixels: [Float], width: Int, height: Int, dx: Int, dy: Int, fill: Float) -> [Float] {
    var result = [Float](repeating: fill, count: pixels.count)
    for y in 0 ..< height {
        for x in 0 ..< width {
            let (sx, sy) = (x - dx, y - dy)
            if sx >= 0 && sx <= width && sy >= 0 && sy < height { result[y * width + x] = pixels[sy * width + sx] }
        }
    }
    return result
}
