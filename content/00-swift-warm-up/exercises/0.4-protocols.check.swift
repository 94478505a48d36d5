import ExerciseKit

/// A nonlinearity of the grader's own, 2 · z: applied must work through the protocol alone.
struct Doubling: Nonlinearity {
    func callAsFunction(_ z: Float) -> Float { 2 * z }
}

@main
enum ProtocolsCheck: ExerciseCheck {
    static func run() throws {
        for (z, expected) in [(-2, 0), (0, 0), (3.5, 3.5), (-0.001, 0)] as [(Float, Float)] {
            ExerciseKit.expectClose(ReLU()(z), expected, given: "ReLU()(\(z))")
        }
        ExerciseKit.expectClose(LeakyReLU()(-2), -0.02, given: "LeakyReLU()(-2), with the default slope 0.01")
        ExerciseKit.expectClose(LeakyReLU()(5), 5, given: "LeakyReLU()(5)")
        // −2 · 0.2 = −0.4; positive inputs pass unchanged; 0 is 0 either way.
        for (z, expected) in [(-2, -0.4), (3, 3), (0, 0)] as [(Float, Float)] {
            ExerciseKit.expectClose(LeakyReLU(slope: 0.2)(z), expected, given: "LeakyReLU(slope: 0.2)(\(z))")
        }

        ExerciseKit.expectClose(applied(ReLU(), to: [-1, 0, 2]), [0, 0, 2], given: "applied(ReLU(), to: [-1, 0, 2])")
        ExerciseKit.expectClose(applied(LeakyReLU(slope: 0.5), to: [-2, 4, -6]), [-1, 4, -3],
                                given: "applied(LeakyReLU(slope: 0.5), to: [-2, 4, -6])")
        ExerciseKit.expectClose(applied(Doubling(), to: [1, -3, 0.5]), [2, -6, 1],
                                given: "applied(Doubling(), to: [1, -3, 0.5]), with the grader's own Doubling, 2 · z")
        ExerciseKit.expectClose(applied(ReLU(), to: []), [], given: "applied(ReLU(), to: []), no values")

        // Through `any Nonlinearity`: one array of several conforming types, as a list of layers is.
        let mixed: [any Nonlinearity] = [ReLU(), LeakyReLU(slope: 0.1), Doubling()]
        ExerciseKit.expectClose(mixed.map { $0(-1) }, [0, -0.1, -2],
                                given: "[ReLU(), LeakyReLU(slope: 0.1), Doubling()], each called on -1")
    }
}
