import ExerciseKit

@main
enum MomentumCheck: ExerciseCheck {
    static func run() throws {
        var w: [Float] = [1], v: [Float] = [0]
        momentumStep(&w, velocity: &v, gradient: [2], learningRate: 0.1, momentum: 0.9, nesterov: false)
        ExerciseKit.expectClose(v, [-0.2], given: "the velocity after one step from 0 (gradient 2, rate 0.1)")
        ExerciseKit.expectClose(w, [0.8], given: "the weight after that step, from 1")
        momentumStep(&w, velocity: &v, gradient: [2], learningRate: 0.1, momentum: 0.9, nesterov: false)
        ExerciseKit.expectClose(v, [-0.38], given: "the velocity after a second step with the same gradient: 0.9 · (−0.2) − 0.2")
        ExerciseKit.expectClose(w, [0.42], given: "the weight after the second step")

        var nesterovWeight: [Float] = [1], nesterovVelocity: [Float] = [0]
        momentumStep(&nesterovWeight, velocity: &nesterovVelocity, gradient: [2], learningRate: 0.1, momentum: 0.9, nesterov: true)
        ExerciseKit.expectClose(nesterovVelocity, [-0.2], given: "the velocity after Nesterov's first step: the same as without Nesterov")
        ExerciseKit.expectClose(nesterovWeight, [0.62],
                                given: "the weight after Nesterov's first step from 1: 1 + 0.9 · (−0.2) − 0.1 · 2, one step further along the velocity")

        // Keras 3.15's own steps (NNKit's golden file), four gradients on six weights.
        let initial: [Float] = [-0.32133022, -0.48566148, 1.6800581, 1.9705269, 0.15518366, -1.2577654]
        let gradients: [[Float]] = [
            [0.20021841, 0.04205299, -0.87801647, 1.5294079, 0.99553716, -1.4092398],
            [0.88343418, -1.4288067, -0.43347275, -0.88818806, -0.74240786, 0.0010247],
            [-0.47370854, -0.3161146, 1.3133938, -0.30098072, 0.42273104, -1.5351498],
            [0.19255334, 0.69710284, 0.12354227, -0.58813411, 1.051058, 1.4526807],
        ]
        let keras: [[Float]] = [
            [-0.34135205, -0.48986676, 1.7678598, 1.8175862, 0.05562994, -1.1168414],
            [-0.4477151, -0.35077089, 1.8902286, 1.7687583, 0.04027238, -0.9901123],
            [-0.49607101, -0.19397314, 1.8690212, 1.7549113, -0.01582252, -0.72254115],
            [-0.55884665, -0.12256545, 1.8375802, 1.8012624, -0.17141373, -0.62699521],
        ]
        let kerasNesterov: [[Float]] = [
            [-0.35937172, -0.49365154, 1.8468813, 1.6799395, -0.0339684, -0.99000984],
            [-0.54344189, -0.2255846, 2.0003605, 1.7248132, 0.02645059, -0.87605613],
            [-0.53959137, -0.05285516, 1.8499343, 1.7424489, -0.06630793, -0.48172712],
            [-0.61534476, -0.05829853, 1.8092833, 1.8429784, -0.31144583, -0.54100382],
        ]
        for (nesterov, expected) in [(false, keras), (true, kerasNesterov)] {
            var weights = initial
            var velocity = [Float](repeating: 0, count: initial.count)
            for (step, gradient) in gradients.enumerated() {
                momentumStep(&weights, velocity: &velocity, gradient: gradient, learningRate: 0.1, momentum: 0.9,
                             nesterov: nesterov)
                ExerciseKit.expectClose(weights, expected[step], tolerance: 1e-5,
                                        given: "Keras's SGD(0.1, momentum=0.9\(nesterov ? ", nesterov=True" : "")), step \(step + 1)")
            }
        }
    }
}
