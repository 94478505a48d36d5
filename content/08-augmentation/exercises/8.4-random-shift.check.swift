import ExerciseKit

@main
enum RandomShiftCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectClose(maximumShift(fraction: 0.1, size: 28), 2.8, given: "maximumShift(fraction: 0.1, size: 28): 2.8 pixels, not rounded")
        ExerciseKit.expectClose(maximumShift(fraction: 0.08, size: 28), 2.24, given: "maximumShift(fraction: 0.08, size: 28), chapter 8's strong policy")
        var generator = RandomGenerator(seed: 84)
        let shifts = (0 ..< 2_000).map { _ in randomShift(fraction: 0.1, size: 28, generator: &generator) }
        ExerciseKit.expect(shifts.allSatisfy { abs($0) <= 2.8 }, given: "2,000 shifts with fraction 0.1 on 28 pixels",
                           expected: "every one within ±2.8", got: "\(shifts.map { abs($0) }.max() ?? 0) at most")
        let mean = shifts.reduce(0, +) / 2_000
        ExerciseKit.expect(abs(mean) < 0.15, given: "the mean of 2,000 shifts", expected: "close to 0 (as many left as right)", got: "\(mean)")
        ExerciseKit.expect(shifts.contains { $0 < -2.5 } && shifts.contains { $0 > 2.5 }, given: "2,000 shifts with fraction 0.1 on 28 pixels",
                           expected: "some near −2.8 and some near +2.8", got: "from \(shifts.min() ?? 0) to \(shifts.max() ?? 0)")
        var again = RandomGenerator(seed: 84)
        // The first draw that differs, not all 2,000 of them.
        ExerciseKit.expectClose((0 ..< 2_000).map { _ in randomShift(fraction: 0.1, size: 28, generator: &again) }, shifts, tolerance: 0,
                                given: "2,000 shifts from two generators with the same seed")
    }
}
