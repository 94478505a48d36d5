// Wrong: u − 0.5 is scaled by the maximum, so the shifts only reach half of it either way
// The check says: some near −2.8 and some near +2.8
import NNKit

func maximumShift(fraction: Float, size: Int) -> Float {
    fraction * Float(size)
}

func randomShift(fraction: Float, size: Int, generator: inout RandomGenerator) -> Float {
    let maximum = maximumShift(fraction: fraction, size: size)
    return (generator.nextUnitFloat() - 0.5) * maximum
}
