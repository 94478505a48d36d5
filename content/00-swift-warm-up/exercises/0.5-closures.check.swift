import ExerciseKit

@main
enum ClosuresCheck: ExerciseCheck {
    static func run() throws {
        let losses: [Float] = [0.9, 0.5, 0.08, 0.05]
        // Index 2 is the third epoch: Keras prints "Epoch 3/…".
        expectEpoch(firstEpoch(in: losses) { $0 < 0.1 }, 3,
                    given: "firstEpoch(in: \(losses)) { $0 < 0.1 }, where index 2 is epoch 3: epochs count from 1")
        expectEpoch(firstEpoch(in: losses) { _ in true }, 1, given: "firstEpoch(in: \(losses)) { _ in true }")
        expectEpoch(firstEpoch(in: [0.9, 0.5]) { $0 < 0.1 }, nil, given: "firstEpoch(in: [0.9, 0.5]) { $0 < 0.1 }")
        expectEpoch(firstEpoch(in: []) { _ in true }, nil, given: "firstEpoch(in: []) { _ in true }")
        // A closure that captures a value from outside it, as the grader's target here.
        let target: Float = 0.5
        expectEpoch(firstEpoch(in: losses) { $0 <= target }, 2,
                    given: "let target: Float = 0.5; firstEpoch(in: \(losses)) { $0 <= target }")

        let cases: [([Float], Int, [Int], String)] = [
            ([0.1, 0.6, 0.3], 2, [1, 2], ", the likeliest first"),
            ([0.1, 0.6, 0.3], 1, [1], ""),
            ([0.2, 0.5, 0.2, 0.1], 3, [1, 0, 2], ", where 0 and 2 tie and the lower index comes first"),
            ([0.7, 0.3], 5, [0, 1], ", asking for more classes than there are"),
            ([0.25, 0.25, 0.25, 0.25], 4, [0, 1, 2, 3], ", all tied"),
            ([0.4, 0.6], 0, [], ", asking for none"),
            ([], 3, [], ", no classes at all"),
        ]
        for (probabilities, k, expected, note) in cases {
            ExerciseKit.expectEqual(topClasses(probabilities, count: k), expected,
                                    given: "topClasses(\(probabilities), count: \(k))" + note)
        }
    }

    static func expectEpoch(_ got: Int?, _ expected: Int?, given: String) {
        func shown(_ epoch: Int?) -> String { epoch.map { "epoch \($0)" } ?? "nil" }
        ExerciseKit.expect(got == expected, given: given, expected: shown(expected), got: shown(got))
    }
}
