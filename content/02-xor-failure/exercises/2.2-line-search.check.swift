import ExerciseKit

@main
enum LineSearchCheck: ExerciseCheck {
    static func run() throws {
        let corners: [(x1: Float, x2: Float)] = [(0, 0), (0, 1), (1, 0), (1, 1)]
        let coarse: [Float] = [-1, -0.5, 0, 0.5, 1]
        let fine: [Float] = (0 ... 40).map { Float($0) / 10 - 2 }
        let cases: [(String, [Float], [Float], Int, String)] = [
            ("OR", [0, 1, 1, 1], coarse, 4, ""),
            // (0, 0) must come out 0 and (1, 0) and (0, 1) too, yet (1, 1) 1: only with b < 0.
            ("AND", [0, 0, 0, 1], coarse, 4, ", whose line needs a bias below 0"),
            ("NAND", [1, 1, 1, 0], coarse, 4, ""),
            // Only (1, 0) is 1: the line needs w1 > 0 and w2 < 0, two different weights.
            ("x1 AND NOT x2", [0, 0, 1, 0], coarse, 4, ", which needs w1 and w2 to differ"),
            ("XOR", [0, 1, 1, 0], coarse, 3, ""),
            ("XOR", [0, 1, 1, 0], fine, 3, ""),
            ("XNOR", [1, 0, 0, 1], fine, 3, ""),
            // Only the line 0·x1 + 0·x2 + 0: a sum of 0 is not above 0, so it calls every point 0.
            ("XOR", [0, 1, 1, 0], [0], 2, ""),
            ("AND", [0, 0, 0, 1], [0], 3, ", where a sum of 0 is not above 0: every point is class 0"),
        ]
        for (name, labels, values, expected, note) in cases {
            ExerciseKit.expectEqual(mostPointsOneLineGetsRight(points: corners, labels: labels, values: values), expected,
                        given: "the four corners labelled as \(name) \(labels.map { Int($0) }), values \(values.count == 41 ? "−2.0, −1.9, …, 2.0" : "\(values)")" + note)
        }
    }
}
