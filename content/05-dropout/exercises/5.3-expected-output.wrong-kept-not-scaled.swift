// Wrong: kept units added as they are, without the factor 1 / (1 − rate), so the average falls to (1 − rate) · input
// The check says: the mean over the passes comes back to the inputs
import NNKit

func averageTrainingOutput(_ inputs: [Float], rate: Float, passes: Int, generator: inout RandomGenerator) -> [Float] {
    var sums = [Float](repeating: 0, count: inputs.count)
    for _ in 0 ..< passes {
        for i in inputs.indices where generator.nextUnitFloat() >= rate {
            sums[i] += inputs[i]
        }
    }
    return sums.map { $0 / Float(passes) }
}

func classicInference(_ inputs: [Float], rate: Float) -> [Float] {
    inputs.map { $0 * (1 - rate) }
}
