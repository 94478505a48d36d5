import ExerciseKit

/// The learner's warm-up as an NNKit schedule, so that an optimizer can use it.
struct WarmUp: LearningRateSchedule {
    let warmupSteps: Int
    let target: Float
    func learningRate(atStep step: Int) -> Float { warmUpRate(step: step, warmupSteps: warmupSteps, target: target) }
}

@main
enum WarmUpCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectClose(warmUpRate(step: 0, warmupSteps: 4, target: 0.1), 0.025,
                                given: "warmUpRate(step: 0, warmupSteps: 4, target: 0.1): the first step already learns, 0.1 · 1 / 4")
        ExerciseKit.expectClose(warmUpRate(step: 1, warmupSteps: 4, target: 0.1), 0.05, given: "warmUpRate(step: 1, warmupSteps: 4, target: 0.1)")
        ExerciseKit.expectClose(warmUpRate(step: 3, warmupSteps: 4, target: 0.1), 0.1, given: "warmUpRate(step: 3, warmupSteps: 4, target: 0.1): the target at the last warm-up step")
        ExerciseKit.expectClose(warmUpRate(step: 9, warmupSteps: 4, target: 0.1), 0.1, given: "warmUpRate(step: 9, warmupSteps: 4, target: 0.1): after warm-up")
        ExerciseKit.expectClose(warmUpRate(step: 4, warmupSteps: 4, target: 0.1), 0.1,
                                given: "warmUpRate(step: 4, warmupSteps: 4, target: 0.1): the first step after warm-up, at the target and not above")
        ExerciseKit.expectClose(warmUpRate(step: 0, warmupSteps: 1, target: 0.5), 0.5, given: "warmUpRate(step: 0, warmupSteps: 1, target: 0.5): one step of warm-up")
        let rates = (0 ..< 100).map { warmUpRate(step: $0, warmupSteps: 100, target: 1) }
        ExerciseKit.expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 }, given: "100 warm-up steps to 1",
                           expected: "rates that rise every step", got: "\(rates.prefix(5))…")

        // Used by NNKit's SGD, step by step: a weight w with gradient 1 moves by exactly the rate.
        let optimizer = SGD(learningRate: 0)
        optimizer.learningRateSchedule = WarmUp(warmupSteps: 5, target: 0.2)
        let weight = Parameter(name: "w", value: Matrix(row: [0]))
        var moves: [Float] = []
        for _ in 0 ..< 7 {
            let before = weight.value.scalars[0]
            weight.gradient = Matrix(row: [1])
            optimizer.step([weight])
            moves.append(before - weight.value.scalars[0])
        }
        ExerciseKit.expectClose(moves, [0.04, 0.08, 0.12, 0.16, 0.2, 0.2, 0.2], tolerance: 1e-5,
                                given: "your warm-up as the schedule of NNKit's SGD: how far seven steps of gradient 1 move a weight")
    }
}
