// Wrong: the largest shift is rounded down to whole pixels, 2 for 2.8
// The check says: 2.8 pixels, not rounded
import NNKit

func maximumShift(fraction: Float, size: Int) -> Float {
    Float(Int(fraction * Float(size)))
}

func randomShift(fraction: Float, size: Int, generator: inout RandomGenerator) -> Float {
    let maximum = maximumShift(fraction: fraction, size: size)
    return (generator.nextUnitFloat() * 2 - 1) * maximum
}
