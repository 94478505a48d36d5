import ExerciseKit

@main
enum ArgumentLabelsCheck: ExerciseCheck {
    static func run() throws {
        // 3 / 4 = 0.75, where Int division gives 0; 5 of 2 is 2.5, the part first; 0 of 0 is 0.
        let fractions: [(Int, Int, Float, String)] = [
            (3, 4, 0.75, ", where the Int division 3 / 4 is 0"),
            (1, 3, 1.0 / 3.0, ""),
            (5, 2, 2.5, ", the part first and the whole after 'of'"),
            (4, 4, 1, ""),
            (0, 7, 0, ""),
            (0, 0, 0, ", a fraction of nothing, which must not divide by zero"),
        ]
        for (part, whole, expected, note) in fractions {
            ExerciseKit.expectClose(fraction(part, of: whole), expected, given: "fraction(\(part), of: \(whole))" + note)
        }

        // Without a range, 0 ... 1; the ends themselves stay where they are.
        let defaults: [(Float, Float)] = [(1.5, 1), (-0.25, 0), (0.4, 0.4), (1, 1), (0, 0)]
        for (x, expected) in defaults {
            ExerciseKit.expectClose(clip(x), expected, given: "clip(\(x)), with the default range 0 ... 1")
        }
        let ranged: [(Float, ClosedRange<Float>, Float)] = [(3, -1 ... 2, 2), (-3, -1 ... 2, -1), (0.5, -1 ... 2, 0.5),
                                                            (1.5, -1 ... 2, 1.5), (7, 5 ... 5, 5)]
        for (x, range, expected) in ranged {
            ExerciseKit.expectClose(clip(x, to: range), expected, given: "clip(\(x), to: \(range))")
        }

        // Pixels are 0 to 255 and Fashion-MNIST's chapters divide them by 255: 51 / 255 = 0.2.
        ExerciseKit.expectClose(normalized([0, 51, 255]), [0, 0.2, 1], given: "normalized([0, 51, 255])")
        ExerciseKit.expectClose(normalized([128, 1]), [128.0 / 255.0, 1.0 / 255.0], given: "normalized([128, 1])")
        ExerciseKit.expectClose(normalized([]), [], given: "normalized([]), no pixels")
    }
}
