// Wrong: the shift is drawn from the system's random numbers, ignoring the seeded generator
// The check says: two generators with the same seed
import NNKit

func maximumShift(fraction: Float, size: Int) -> Float {
    fraction * Float(size)
}

func randomShift(fraction: Float, size: Int, generator: inout RandomGenerator) -> Float {
    let maximum = maximumShift(fraction: fraction, size: size)
    return Float.random(in: -maximum ..< maximum)
}
