import ExerciseKit

@main
enum StepFunctionCheck: ExerciseCheck {
    static func run() throws {
        let cases: [(Float, Float, String)] = [
            (2.5, 1, ""), (0.001, 1, ", just above 0"), (1e-6, 1, ", only just above 0: the switch is at 0 itself"),
            (0, 0, ": 0 is not above 0"), (-0.001, 0, ""), (-7, 0, ""),
        ]
        for (z, expected, note) in cases {
            ExerciseKit.expectEqual(step(z), expected, given: "step(\(z))" + note)
        }
        // One neuron with weights (1, 1) and bias −1.5, switched by your step, is an AND gate.
        for (x1, x2, expected) in [(0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 1)] as [(Float, Float, Float)] {
            ExerciseKit.expectEqual(step(1 * x1 + 1 * x2 - 1.5), expected,
                        given: "step(1·\(Int(x1)) + 1·\(Int(x2)) − 1.5), the AND of \(Int(x1)) and \(Int(x2))")
        }
    }
}
