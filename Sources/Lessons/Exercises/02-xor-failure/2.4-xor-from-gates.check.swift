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
    }
}
