// Wrong: xor rounds its inputs and compares them, a truth table that looks like a network
// The check says: xor(0.6, 0.7), between the corners
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
    x1.rounded() != x2.rounded() ? 1 : 0
}
