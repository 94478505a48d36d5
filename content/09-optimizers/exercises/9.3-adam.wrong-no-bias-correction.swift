// Wrong: the rate is the learning rate itself, without the bias correction √(1 − beta2^t) / (1 − beta1^t)
// The check says: bias correction makes it 0.1
import Foundation

struct AdamState {
    var m: [Float]
    var v: [Float]
    var step = 0

    init(count: Int) {
        m = Array(repeating: 0, count: count)
        v = Array(repeating: 0, count: count)
    }
}

func adamStep(_ weights: inout [Float], state: inout AdamState, gradient: [Float], learningRate: Float,
              beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
    state.step += 1
    let t = Float(state.step)
    let rate = learningRate
    for i in weights.indices {
        state.m[i] = beta1 * state.m[i] + (1 - beta1) * gradient[i]
        state.v[i] = beta2 * state.v[i] + (1 - beta2) * gradient[i] * gradient[i]
        weights[i] -= rate * state.m[i] / (state.v[i].squareRoot() + epsilon)
    }
}
