// Wrong: the sums over the passes returned without dividing by the number of passes
// The check says: the mean over the passes comes back to the inputs
import NNKit

func averageTrainingOutput(_ inputs: [Float], rate: Float, passes: Int, generator: inout RandomGenerator) -> [Float] {
    var sums = [Float](repeating: 0, count: inputs.count)
    for _ in 0 ..< passes {
        for i in inputs.indices where generator.nextUnitFloat() >= rate {
            sums[i] += inputs[i] / (1 - rate)
        }
    }
    return sums
}

func classicInference(_ inputs: [Float], rate: Float) -> [Float] {
    inputs.map { $0 * (1 - rate) }
}
