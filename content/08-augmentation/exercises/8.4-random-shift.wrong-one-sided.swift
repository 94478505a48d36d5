// Wrong: u is scaled by the maximum without moving it to −1…1, so every shift goes right
// The check says: close to 0 (as many left as right)
import NNKit

func maximumShift(fraction: Float, size: Int) -> Float {
    fraction * Float(size)
}

func randomShift(fraction: Float, size: Int, generator: inout RandomGenerator) -> Float {
    let maximum = maximumShift(fraction: fraction, size: size)
    return generator.nextUnitFloat() * maximum
}
