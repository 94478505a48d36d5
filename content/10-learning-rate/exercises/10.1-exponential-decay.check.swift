import ExerciseKit

@main
enum ExponentialDecayCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectClose(exponentialDecay(step: 0, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5), 0.1,
                                given: "step 0: the initial rate")
        ExerciseKit.expectClose(exponentialDecay(step: 100, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5), 0.05,
                                given: "step 100 of decaySteps 100, decayRate 0.5: halved once")
        ExerciseKit.expectClose(exponentialDecay(step: 50, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5), 0.070710678,
                                tolerance: 1e-6, given: "step 50 of decaySteps 100, decayRate 0.5: halfway, 0.1 · 0.5^0.5")
        ExerciseKit.expectClose(exponentialDecay(step: 10, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5, staircase: true), 0.1,
                                tolerance: 1e-6, given: "step 10 of decaySteps 100 with staircase: no drop before step 100")
        ExerciseKit.expectClose(exponentialDecay(step: 60, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5, staircase: true), 0.1,
                                tolerance: 1e-6, given: "step 60 of decaySteps 100 with staircase: the exponent 0.6 rounded down, not to the nearest")

        // Keras 3.15's own rates (NNKit's golden file), at the steps Keras was asked for; relative tolerance, since
        // the rates go down to 1e-4.
        let steps = [0, 1, 5, 10, 99, 100, 101, 250, 1000]
        let smooth: [Float] = [0.1, 0.09930925, 0.09659363, 0.0933033, 0.05034778, 0.05, 0.04965463, 0.01767767, 9.766e-05]
        let stairs: [Float] = [0.01, 0.01, 0.01, 0.01, 0.00729, 0.00729, 0.00729, 0.00430467, 0.00030903]
        for (index, step) in steps.enumerated() {
            ExerciseKit.expectClose(exponentialDecay(step: step, initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5),
                                    smooth[index], tolerance: 1e-4 * smooth[index],
                                    given: "Keras's ExponentialDecay(0.1, decay_steps=100, decay_rate=0.5) at step \(step)")
            ExerciseKit.expectClose(exponentialDecay(step: step, initialLearningRate: 0.01, decaySteps: 30, decayRate: 0.9,
                                                     staircase: true),
                                    stairs[index], tolerance: 1e-4 * stairs[index],
                                    given: "Keras's ExponentialDecay(0.01, decay_steps=30, decay_rate=0.9, staircase=True) at step \(step)")
        }

        // Beside NNKit's ExponentialDecay, the schedule an optimizer takes.
        let nnkit = ExponentialDecay(initialLearningRate: 0.2, decaySteps: 7, decayRate: 0.8, staircase: true)
        for step in [3, 7, 20, 64] {
            ExerciseKit.expectClose(exponentialDecay(step: step, initialLearningRate: 0.2, decaySteps: 7, decayRate: 0.8, staircase: true),
                                    nnkit.learningRate(atStep: step), tolerance: 1e-5,
                                    given: "NNKit's ExponentialDecay(0.2, decaySteps: 7, decayRate: 0.8, staircase: true) at step \(step)")
        }
    }
}
