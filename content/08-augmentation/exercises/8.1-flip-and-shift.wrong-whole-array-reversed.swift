// Wrong: the flip reverses the whole array, which also turns the picture upside down
// The check says: the rows in place
func flippedHorizontally(_ pixels: [Float], width: Int, height: Int) -> [Float] {
    _ = (width, height)
    return pixels.reversed()
}

func shifted(_ pixels: [Float], width: Int, height: Int, dx: Int, dy: Int, fill: Float) -> [Float] {
    var result = [Float](repeating: fill, count: pixels.count)
    for y in 0 ..< height {
        for x in 0 ..< width {
            let (sx, sy) = (x - dx, y - dy)
            if sx >= 0 && sx < width && sy >= 0 && sy < height { result[y * width + x] = pixels[sy * width + sx] }
        }
    }
    return result
}
