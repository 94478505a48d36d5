// Wrong: the second layer wired as OR of the hidden outputs instead of AND
// The check says: xor on (0,0), (0,1), (1,0), (1,1)
enum Gate {
    case and, or, nand
}

func gateWeights(_ gate: Gate) -> (w1: Float, w2: Float, b: Float) {
    switch gate {
    case .and: return (1, 1, -1.5)
    case .or: return (1, 1, -0.5)
    case .nand: return (-1, -1, 1.5)
    }
}

func neuron(_ x1: Float, _ x2: Float, _ weights: (w1: Float, w2: Float, b: Float)) -> Float {
    weights.w1 * x1 + weights.w2 * x2 + weights.b > 0 ? 1 : 0
}

func xor(_ x1: Float, _ x2: Float) -> Float {
    let hidden = (neuron(x1, x2, gateWeights(.or)), neuron(x1, x2, gateWeights(.nand)))
    return neuron(hidden.0, hidden.1, gateWeights(.or))
}
