// Wrong: one draw per pass for all the units, so each pass keeps every unit or none
// The check says: one pass over 4,000 units at rate 0.25
import NNKit

func averageTrainingOutput(_ inputs: [Float], rate: Float, passes: Int, generator: inout RandomGenerator) -> [Float] {
    var sums = [Float](repeating: 0, count: inputs.count)
    for _ in 0 ..< passes {
        let keep = generator.nextUnitFloat() >= rate
        for i in inputs.indices where keep {
            sums[i] += inputs[i] / (1 - rate)
        }
    }
    return sums.map { $0 / Float(passes) }
}

func classicInference(_ inputs: [Float], rate: Float) -> [Float] {
    inputs.map { $0 * (1 - rate) }
}
