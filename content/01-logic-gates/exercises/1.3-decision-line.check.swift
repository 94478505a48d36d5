import ExerciseKit

@main
enum DecisionLineCheck: ExerciseCheck {
    static func run() throws {
        // AND's best fit, w1 = w2 = 0.5, b = −0.25: 0.5·x1 + 0.5·x2 − 0.25 = 0.5 ⇔ x2 = −x1 + 1.5.
        let and = decisionLine(w1: 0.5, w2: 0.5, b: -0.25)
        ExerciseKit.expect(and != nil, given: "decisionLine(w1: 0.5, w2: 0.5, b: -0.25)", expected: "a line", got: "nil")
        ExerciseKit.expectClose(and?.slope ?? .nan, -1, given: "the slope for w1 = w2 = 0.5, b = −0.25")
        ExerciseKit.expectClose(and?.intercept ?? .nan, 1.5, given: "the intercept for w1 = w2 = 0.5, b = −0.25")
        let steep = decisionLine(w1: 2, w2: -0.5, b: 1)
        ExerciseKit.expectClose(steep?.slope ?? .nan, 4, given: "the slope for w1 = 2, w2 = −0.5, b = 1")
        ExerciseKit.expectClose(steep?.intercept ?? .nan, 1, given: "the intercept for w1 = 2, w2 = −0.5, b = 1")
        let vertical = decisionLine(w1: 1, w2: 0, b: 0)
        ExerciseKit.expect(vertical == nil, given: "decisionLine(w1: 1, w2: 0, b: 0)",
                           expected: "nil (a vertical line, x1 = 0.5)",
                           got: vertical.map { "slope \($0.slope), intercept \($0.intercept)" } ?? "nil")

        // The four inputs of AND, classified by the line: only (1, 1) lies above it.
        let points: [(Float, Float, Int)] = [(0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 1)]
        for (x1, x2, expected) in points {
            ExerciseKit.expectEqual(classify(x1: x1, x2: x2, w1: 0.5, w2: 0.5, b: -0.25), expected,
                                    given: "classify(x1: \(x1), x2: \(x2)) with AND's weights")
        }
        // Exactly on the line is not above it.
        ExerciseKit.expectEqual(classify(x1: 1, x2: 0.5, w1: 0.5, w2: 0.5, b: -0.25), 0,
                                given: "classify(x1: 1, x2: 0.5), a point exactly on AND's line")
        // NAND's best fit, w1 = w2 = −0.5, b = 1.25, has AND's very line, x2 = −x1 + 1.5, but its
        // output falls as x2 grows (w2 < 0): its 1s lie below the line, and only (1, 1) is above.
        let nandPoints: [(Float, Float, Int)] = [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
        for (x1, x2, expected) in nandPoints {
            ExerciseKit.expectEqual(classify(x1: x1, x2: x2, w1: -0.5, w2: -0.5, b: 1.25), expected,
                                    given: "classify(x1: \(x1), x2: \(x2)) with NAND's weights w1 = w2 = −0.5, b = 1.25, "
                                        + "where w2 < 0 puts the 1s below the line")
        }
    }
}
