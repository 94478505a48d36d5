import ExerciseKit

@main
enum OverfittingGapCheck: ExerciseCheck {
    static func run() throws {
        let training: [Float] = [0.80, 0.86, 0.90, 0.93, 0.95]
        let validation: [Float] = [0.82, 0.85, 0.87, 0.87, 0.88]
        ExerciseKit.expectClose(gaps(training: training, validation: validation), [-0.02, 0.01, 0.03, 0.06, 0.07],
                                given: "gaps(training: \(training), validation: \(validation)), training minus validation")
        expectEpoch(firstEpochOverfitting(training: training, validation: validation, threshold: 0.05), 4,
                    given: "firstEpochOverfitting with threshold 0.05 (epochs count from 1)")
        expectEpoch(firstEpochOverfitting(training: training, validation: validation, threshold: 0.1), nil,
                    given: "firstEpochOverfitting with threshold 0.1, which no gap passes")
        expectEpoch(firstEpochOverfitting(training: [0.9], validation: [0.7], threshold: 0.1), 1,
                    given: "firstEpochOverfitting(training: [0.9], validation: [0.7], threshold: 0.1)")
        // With dropout, validation starts above training, as in chapter 5's run: a gap far below 0
        // is no overfitting, however large its size. Gaps −0.162, −0.04, 0, 0.07.
        expectEpoch(firstEpochOverfitting(training: [0.70, 0.81, 0.86, 0.90], validation: [0.862, 0.85, 0.86, 0.83],
                                          threshold: 0.05), 4,
                    given: "firstEpochOverfitting(training: [0.70, 0.81, 0.86, 0.90], validation: [0.862, 0.85, 0.86, 0.83], "
                        + "threshold: 0.05), where dropout puts validation above training at first: gap −0.162 is no overfitting")
        // Gaps 0.25 and 0.5, exact in Float: the first equals the threshold, which is not larger than it.
        expectEpoch(firstEpochOverfitting(training: [0.75, 1], validation: [0.5, 0.5], threshold: 0.25), 2,
                    given: "firstEpochOverfitting(training: [0.75, 1], validation: [0.5, 0.5], threshold: 0.25), "
                        + "where epoch 1's gap equals the threshold and is not larger")
    }

    /// Fails unless `got` is the epoch `expected`, or nothing when `expected` is nil.
    static func expectEpoch(_ got: Int?, _ expected: Int?, given: String) {
        func shown(_ epoch: Int?) -> String { epoch.map { "epoch \($0)" } ?? "nothing (nil)" }
        ExerciseKit.expect(got == expected, given: given, expected: shown(expected), got: shown(got))
    }
}
