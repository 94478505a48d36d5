import NNKit

/// Exercise 8.4 · A random shift, seeded (reference solution)
func maximumShift(fraction: Float, size: Int) -> Float {
    fraction * Float(size)
}

func randomShift(fraction: Float, size: Int, generator: inout RandomGenerator) -> Float {
    let maximum = maximumShift(fraction: fraction, size: size)
    return (generator.nextUnitFloat() * 2 - 1) * maximum
}
