import ExerciseKit

@main
enum RMSpropCheck: ExerciseCheck {
    static func run() throws {
        var w: [Float] = [1], a: [Float] = [0]
        rmspropStep(&w, average: &a, gradient: [2], learningRate: 0.01, rho: 0.9, epsilon: 1e-7)
        ExerciseKit.expectClose(a, [0.4], given: "the average after one step from 0 (gradient 2, rho 0.9): 0.9 · 0 + 0.1 · 2²")
        ExerciseKit.expectClose(w, [0.968377], given: "the weight after that step, from 1: 1 − 0.01 · 2 / √0.4, with the average just updated")

        var big: [Float] = [0, 0], bigAverage: [Float] = [0, 0]
        rmspropStep(&big, average: &bigAverage, gradient: [100, 0.01], learningRate: 0.01, rho: 0.9, epsilon: 1e-7)
        // ε inside the root: √(0.1 · 0.01² + 1e-7) = 0.00317805, so the small gradient's step is
        // 0.0314660, not the 0.0316228 that √a + ε would give.
        ExerciseKit.expectClose(big, [-0.0316228, -0.0314660], tolerance: 2e-5,
                                given: "gradients 100 and 0.01: nearly the same first step for both weights, epsilon inside the root")

        var zero: [Float] = [0.5], zeroAverage: [Float] = [0]
        rmspropStep(&zero, average: &zeroAverage, gradient: [0], learningRate: 0.01, rho: 0.9, epsilon: 1e-7)
        ExerciseKit.expectEqual(zero, [0.5], given: "a zero gradient with a zero average (epsilon keeps the division safe)")

        // Keras 3.15's own steps (NNKit's golden file): RMSprop(0.01, rho=0.8), four gradients on six weights.
        let initial: [Float] = [-0.32133022, -0.48566148, 1.6800581, 1.9705269, 0.15518366, -1.2577654]
        let gradients: [[Float]] = [
            [0.20021841, 0.04205299, -0.87801647, 1.5294079, 0.99553716, -1.4092398],
            [0.88343418, -1.4288067, -0.43347275, -0.88818806, -0.74240786, 0.0010247],
            [-0.47370854, -0.3161146, 1.3133938, -0.30098072, 0.42273104, -1.5351498],
            [0.19255334, 0.69710284, 0.12354227, -0.58813411, 1.051058, 1.4526807],
        ]
        let keras: [[Float]] = [
            [-0.34369075, -0.50801897, 1.7024188, 1.9481663, 0.13282299, -1.2354047],
            [-0.36560571, -0.48566604, 1.7132244, 1.9603431, 0.14714225, -1.2354228],
            [-0.35427818, -0.48029852, 1.6941423, 1.9648614, 0.13870092, -1.2174002],
            [-0.35929486, -0.49168715, 1.6921436, 1.9738917, 0.12251306, -1.2319089],
        ]
        var weights = initial
        var average = [Float](repeating: 0, count: initial.count)
        for (step, gradient) in gradients.enumerated() {
            rmspropStep(&weights, average: &average, gradient: gradient, learningRate: 0.01, rho: 0.8, epsilon: 1e-7)
            ExerciseKit.expectClose(weights, keras[step], tolerance: 1e-5, given: "Keras's RMSprop(0.01, rho=0.8), step \(step + 1)")
        }
    }
}
