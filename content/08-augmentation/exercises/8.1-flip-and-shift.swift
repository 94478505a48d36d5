/// Exercise 8.1 · Flip and shift
///
/// The two cheapest augmentations move pixels without inventing any. An image here is a flat
/// array of `width · height` grey values, row after row: pixel (x, y) is at index y · width + x.
///
/// - A horizontal flip mirrors each row: output (x, y) is input (width − 1 − x, y).
/// - A shift by (dx, dy) moves the picture dx pixels right and dy down: output (x, y) is input
///   (x − dx, y − dy), and where that falls outside the image the output is `fill`.
///
/// Chapter 8 flips shoes and shirts left to right (a mirrored sneaker is still a sneaker) and
/// shifts them by a pixel or two.
///
/// Write both, then run `lesson check 8.1`.
func flippedHorizontally(_ pixels: [Float], width: Int, height: Int) -> [Float] {
    // TODO: each output pixel from the mirrored column.
    return pixels
}

func shifted(_ pixels: [Float], width: Int, height: Int, dx: Int, dy: Int, fill: Float) -> [Float] {
    // TODO: each output pixel from (x − dx, y − dy), or fill when that is outside.
    return pixels
}
