// Wrong: the paper's inference as input / (1 − rate), inverted dropout's training factor, instead of input · (1 − rate)
// The check says: classicInference([1, -2, 0.5], rate: 0.25)
import NNKit

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
    inputs.map { $0 / (1 - rate) }
}
