import ExerciseKit

@main
enum DropoutMaskCheck: ExerciseCheck {
    static func run() throws {
        let example = dropoutMask(uniforms: [0.1, 0.5, 0.25, 0.9], rate: 0.25)
        ExerciseKit.expectEqual(example.count, 4, given: "dropoutMask(uniforms: [0.1, 0.5, 0.25, 0.9], rate: 0.25).count")
        let units: [(Float, String)] = [(0, " (0.1 is below the rate: dropped)"), (4 / 3, " (0.5: kept, with the factor 1 / (1 − 0.25))"),
                                        (4 / 3, " (0.25 itself is kept)"), (4 / 3, " (0.9: kept, with the factor 1 / (1 − 0.25))")]
        for (i, (expected, note)) in units.enumerated() {
            ExerciseKit.expectClose(example[i], expected, given: "dropoutMask(uniforms: [0.1, 0.5, 0.25, 0.9], rate: 0.25)[\(i)]" + note)
        }
        ExerciseKit.expectEqual(dropoutMask(uniforms: [0, 0.3, 0.99], rate: 0), [1, 1, 1],
                    given: "dropoutMask(uniforms: [0, 0.3, 0.99], rate: 0): nothing is dropped")
        // Over 100,000 draws, rate 0.25 keeps about 75 %, and the mean factor is about 1:
        // the expected output equals the input, which is the point of the scaling.
        var generator = RandomGenerator(seed: 21)
        let uniforms = (0 ..< 100_000).map { _ in generator.nextUnitFloat() }
        let mask = dropoutMask(uniforms: uniforms, rate: 0.25)
        let kept = Float(mask.filter { $0 > 0 }.count) / 100_000
        let mean = mask.reduce(0, +) / 100_000
        ExerciseKit.expect(abs(kept - 0.75) < 0.01, given: "100,000 uniform draws, rate 0.25", expected: "about 75 % kept", got: "\(kept * 100) % kept")
        ExerciseKit.expect(abs(mean - 1) < 0.02, given: "100,000 uniform draws, rate 0.25", expected: "a mean factor of about 1", got: "\(mean)")
    }
}
