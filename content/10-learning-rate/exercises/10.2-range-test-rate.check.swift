import ExerciseKit
import Foundation

@main
enum RangeTestRateCheck: ExerciseCheck {
    static func run() throws {
        func close(_ actual: Double, _ expected: Double, _ given: String) {
            ExerciseKit.expect(abs(actual - expected) <= 1e-9 * max(1, abs(expected)) || abs(actual / expected - 1) < 1e-9,
                               given: given, expected: "\(expected)", got: "\(actual)")
        }
        close(rangeTestRate(step: 0, steps: 3, from: 0.001, to: 10), 0.001, "rangeTestRate(step: 0, steps: 3, from: 0.001, to: 10)")
        close(rangeTestRate(step: 2, steps: 3, from: 0.001, to: 10), 10, "rangeTestRate(step: 2, steps: 3, from: 0.001, to: 10): the last step reaches to")
        close(rangeTestRate(step: 1, steps: 3, from: 0.001, to: 10), 0.1,
              "rangeTestRate(step: 1, steps: 3, from: 0.001, to: 10): halfway on a log axis, 0.001 · (10 / 0.001)^(1/2)")
        // The chapter's test: 1,500 steps from 1e-5 to 10.
        close(rangeTestRate(step: 0, steps: 1_500, from: 1e-5, to: 10), 1e-5, "the chapter's range (1,500 steps, 1e-5 to 10), step 0")
        close(rangeTestRate(step: 1_499, steps: 1_500, from: 1e-5, to: 10), 10, "the chapter's range, the last step (1,499)")
        let factor = rangeTestRate(step: 1, steps: 1_500, from: 1e-5, to: 10) / rangeTestRate(step: 0, steps: 1_500, from: 1e-5, to: 10)
        close(factor, pow(1e6, 1.0 / 1_499), "the chapter's range: the factor from one step to the next")
        let middle = rangeTestRate(step: 500, steps: 1_001, from: 1e-4, to: 1)
        close(middle, 0.01, "rangeTestRate(step: 500, steps: 1001, from: 1e-4, to: 1): halfway is 1e-2 on a log axis")
        var ratios: [Double] = []
        for step in 1 ..< 10 {
            ratios.append(rangeTestRate(step: step, steps: 10, from: 0.5, to: 0.001)
                          / rangeTestRate(step: step - 1, steps: 10, from: 0.5, to: 0.001))
        }
        ExerciseKit.expect(ratios.allSatisfy { abs($0 / ratios[0] - 1) < 1e-9 } && ratios[0] < 1,
                           given: "from 0.5 down to 0.001 in 10 steps: the same factor (below 1) every step",
                           expected: "nine equal ratios below 1", got: "\(ratios)")
    }
}
