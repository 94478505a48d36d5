import ExerciseKit

@main
enum MeanAndDotCheck: ExerciseCheck {
    static func run() throws {
        // (1 + 2 + 3 + 4) / 4 = 2.5 and (2 + 3) / 2 = 2.5: a mean need not be a whole number.
        // A lone value is its own mean; −1 and 1 average to 0, which is a number, not nil.
        let means: [([Float], Float)] = [([1, 2, 3, 4], 2.5), ([2, 3], 2.5), ([7], 7), ([-1, 1], 0),
                                         ([0.1, 0.2, 0.3], 0.2)]
        for (values, expected) in means {
            expectMean(of: values, expected, given: "mean(\(values))")
        }
        // Unevenly spaced, where the middle of the two ends is not the mean:
        // (1 + 1 + 4) / 3 = 2, not (1 + 4) / 2; (3 − 1 + 10 + 0) / 4 = 3, not (3 + 0) / 2.
        let uneven: [([Float], Float)] = [([1, 1, 4], 2), ([3, -1, 10, 0], 3)]
        for (values, expected) in uneven {
            expectMean(of: values, expected, given: "mean(\(values)), values not evenly spaced: every one counts")
        }
        let empty = mean([])
        ExerciseKit.expect(empty == nil, given: "mean([]), the mean of no numbers at all",
                           expected: "nil: an empty array has no mean", got: empty.map { "\($0)" } ?? "nil")
        let many = [Float](repeating: 0.5, count: 1000)
        expectMean(of: many, 0.5, given: "mean of 1,000 values, each 0.5")

        // 1·4 + 2·5 + 3·6 = 32; 0.5·2 + (−1)·3 = −2; nothing paired with nothing sums to 0.
        let dots: [([Float], [Float], Float)] = [([1, 2, 3], [4, 5, 6], 32), ([0.5, -1], [2, 3], -2), ([2], [3], 6),
                                                 ([], [], 0), ([1, 0, 0], [0, 1, 0], 0)]
        for (a, b, expected) in dots {
            ExerciseKit.expectClose(dot(a, b), expected, given: "dot(\(a), \(b))")
        }
        ExerciseKit.expectClose(dot(many, many), 250, given: "dot of two arrays of 1,000 values, each 0.5")
    }

    /// Fails unless `mean(values)` is a number close to `expected`.
    static func expectMean(of values: [Float], _ expected: Float, given: String) {
        guard let got = mean(values) else {
            ExerciseKit.fail(given: given, expected: "\(expected)", got: "nil, which is for an empty array only")
        }
        ExerciseKit.expectClose(got, expected, given: given)
    }
}
