import ExerciseKit

@main
enum AdamCheck: ExerciseCheck {
    static func run() throws {
        var w: [Float] = [1]
        var s = AdamState(count: 1)
        adamStep(&w, state: &s, gradient: [2], learningRate: 0.1)
        ExerciseKit.expectEqual(s.step, 1, given: "state.step after the first step")
        ExerciseKit.expectClose(s.m, [0.2], given: "m after one step from 0 (gradient 2, beta1 0.9)")
        ExerciseKit.expectClose(s.v, [0.004], given: "v after one step from 0 (beta2 0.999)")
        ExerciseKit.expectClose(w, [0.9], given: "the weight after the first step, from 1 with rate 0.1: bias correction makes it 0.1")
        adamStep(&w, state: &s, gradient: [2], learningRate: 0.1)
        ExerciseKit.expectClose(w, [0.8], given: "the weight after a second step with the same gradient: again 0.1, with t = 2 in the correction")

        // Keras 3.15's own steps (NNKit's golden file): Adam(0.5, beta_1=0.8, beta_2=0.99), four gradients on six weights.
        let initial: [Float] = [-0.32133022, -0.48566148, 1.6800581, 1.9705269, 0.15518366, -1.2577654]
        let gradients: [[Float]] = [
            [0.20021841, 0.04205299, -0.87801647, 1.5294079, 0.99553716, -1.4092398],
            [0.88343418, -1.4288067, -0.43347275, -0.88818806, -0.74240786, 0.0010247],
            [-0.47370854, -0.3161146, 1.3133938, -0.30098072, 0.42273104, -1.5351498],
            [0.19255334, 0.69710284, 0.12354227, -0.58813411, 1.051058, 1.4526807],
        ]
        let keras: [[Float]] = [
            [-0.82132745, -0.98564935, 2.1800573, 1.4705274, -0.34481567, -0.75776601],
            [-1.2728884, -0.60318661, 2.636456, 1.3959503, -0.36191636, -0.4429906],
            [-1.3981841, -0.25602224, 2.5489366, 1.4024445, -0.4882808, -0.02823296],
            [-1.5551981, -0.16223651, 2.4566443, 1.5131877, -0.77521491, 0.03788169],
        ]
        var weights = initial
        var state = AdamState(count: initial.count)
        for (step, gradient) in gradients.enumerated() {
            adamStep(&weights, state: &state, gradient: gradient, learningRate: 0.5, beta1: 0.8, beta2: 0.99)
            ExerciseKit.expectClose(weights, keras[step], tolerance: 1e-5,
                                    given: "Keras's Adam(0.5, beta_1=0.8, beta_2=0.99), step \(step + 1)")
        }

        // Beside NNKit's Adam with Keras's defaults, for 50 steps of gradients that change sign and scale.
        let parameter = Parameter(name: "w", value: Matrix(row: [0.3, -0.7, 2]))
        let adam = Adam(learningRate: 0.01)
        var yours: [Float] = [0.3, -0.7, 2]
        var yourState = AdamState(count: 3)
        for t in 0 ..< 50 {
            let gradient: [Float] = [Float(t % 3) - 1, 0.001 * Float(t), 10 * (t.isMultiple(of: 2) ? 1 : -0.5)]
            parameter.gradient = Matrix(row: gradient)
            adam.step([parameter])
            adamStep(&yours, state: &yourState, gradient: gradient, learningRate: 0.01)
        }
        ExerciseKit.expectClose(yours, parameter.value.scalars, tolerance: 1e-5,
                                given: "50 steps beside NNKit's Adam(learningRate: 0.01), gradients of very different sizes")
    }
}
