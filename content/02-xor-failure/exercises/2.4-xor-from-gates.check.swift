import ExerciseKit

@main
enum XORFromGatesCheck: ExerciseCheck {
    static func run() throws {
        let inputs: [(Float, Float)] = [(0, 0), (0, 1), (1, 0), (1, 1)]
        let tables: [(Gate, String, [Float])] = [(.and, "AND", [0, 0, 0, 1]), (.or, "OR", [0, 1, 1, 1]),
                                                 (.nand, "NAND", [1, 1, 1, 0])]
        for (gate, name, table) in tables {
            let outputs = inputs.map { neuron($0.0, $0.1, gateWeights(gate)) }
            ExerciseKit.expectEqual(outputs, table, given: "the \(name) neuron on (0,0), (0,1), (1,0), (1,1), weights \(gateWeights(gate))")
        }
        ExerciseKit.expectEqual(inputs.map { xor($0.0, $0.1) }, [0, 1, 1, 0], given: "xor on (0,0), (0,1), (1,0), (1,1)")
        // xor must be the network, not its truth table: between the corners it answers what your
        // three neurons answer there. (The hidden outputs are 0 or 1, so any AND weights that work
        // give the same second layer.)
        let between: [(Float, Float)] = [(0.2, 0.1), (0.9, 0.1), (0.1, 0.9), (0.9, 0.8), (0.6, 0.7), (0.3, 0.4)]
        for (x1, x2) in between {
            let network = neuron(neuron(x1, x2, gateWeights(.or)), neuron(x1, x2, gateWeights(.nand)), gateWeights(.and))
            ExerciseKit.expectEqual(xor(x1, x2), network,
                                    given: "xor(\(x1), \(x2)), between the corners: what your OR, NAND and AND neurons give there")
        }
    }
}
