// Wrong: the shift rolls the pixels that leave one edge back in at the other instead of filling with fill
// The check says: 0 where nothing comes in
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
            let (sx, sy) = ((x - dx + width) % width, (y - dy + height) % height)
            result[y * width + x] = pixels[sy * width + sx]
        }
    }
    return result
}
