import NNKit

/// Exercise 8.4 · A random shift, seeded
///
/// Keras's `RandomTranslation(0.1, 0.1)` moves each training image by a fraction of its size,
/// drawn afresh for every image from −0.1 to 0.1: on a 28-pixel image, up to 2.8 pixels either
/// way. The draws come from a seeded generator, so the same seed gives the same shifts.
///
/// Write `maximumShift`, the largest shift in pixels for a fraction and a size, and `randomShift`,
/// one shift drawn uniformly from −maximum to +maximum using `generator.nextUnitFloat()` (a number
/// from 0 up to 1). Then run `lesson check 8.4`.
func maximumShift(fraction: Float, size: Int) -> Float {
    // TODO: the fraction of the size, in pixels.
    return 0
}

func randomShift(fraction: Float, size: Int, generator: inout RandomGenerator) -> Float {
    // TODO: map u from [0, 1) onto [−maximum, maximum).
    return 0
}
