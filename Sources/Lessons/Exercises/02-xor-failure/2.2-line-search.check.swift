import ExerciseKit

@main
enum LineSearchCheck: ExerciseCheck {
    static func run() throws {
        let corners: [(x1: Float, x2: Float)] = [(0, 0), (0, 1), (1, 0), (1, 1)]
        let coarse: [Float] = [-1, -0.5, 0, 0.5, 1]
        let fine: [Float] = (0 ... 40).map { Float($0) / 10 - 2 }
        let cases: [(String, [Float], [Float], Int)] = [
            ("AND", [0, 0, 0, 1], coarse, 4),
            ("OR", [0, 1, 1, 1], coarse, 4),
            ("NAND", [1, 1, 1, 0], coarse, 4),
            ("XOR", [0, 1, 1, 0], coarse, 3),
            ("XOR", [0, 1, 1, 0], fine, 3),
            ("XNOR", [1, 0, 0, 1], fine, 3),
            // Only the line 0·x1 + 0·x2 + 0: it calls every point 0.
            ("XOR", [0, 1, 1, 0], [0], 2),
        ]
        for (name, labels, values, expected) in cases {
            ExerciseKit.expectEqual(mostPointsOneLineGetsRight(points: corners, labels: labels, values: values), expected,
                        given: "the four corners labelled as \(name) \(labels.map { Int($0) }), values \(values.count == 41 ? "−2.0, −1.9, …, 2.0" : "\(values)")")
        }
    }
}
