import NNKit

/// Exercise 5.3 · Why kept units are scaled by 1 / (1 − rate) (reference solution)
func averageTrainingOutput(_ inputs: [Float], rate: Float, passes: Int, generator: inout RandomGenerator) -> [Float] {
    var sums = [Float](repeating: 0, count: inputs.count)
    for _ in 0 ..< passes {
        for i in inputs.indices where generator.nextUnitFloat() >= rate {
            sums[i] += inputs[i] / (1 - rate)
        }
    }
    return sums.map { $0 / Float(passes) }
}

func classicInference(_ inputs: [Float], rate: Float) -> [Float] {
    inputs.map { $0 * (1 - rate) }
}
