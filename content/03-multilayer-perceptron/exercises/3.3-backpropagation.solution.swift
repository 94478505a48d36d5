import Foundation

/// Exercise 3.3 · Backpropagation through a whole network, by hand (reference solution)
func backpropagate(x: [[Float]], y: [Float], w1: [[Float]], b1: [Float], w2: [[Float]], b2: [Float])
    -> (w1: [[Float]], b1: [Float], w2: [[Float]], b2: [Float]) {
    let (samples, inputs, hidden) = (x.count, w1.count, b1.count)
    // Forward, keeping h and o.
    var h = [[Float]](repeating: [Float](repeating: 0, count: hidden), count: samples)
    var o = [Float](repeating: 0, count: samples)
    for s in 0 ..< samples {
        for j in 0 ..< hidden {
            var z = b1[j]
            for i in 0 ..< inputs { z += x[s][i] * w1[i][j] }
            h[s][j] = sigmoid(z)
        }
        var z = b2[0]
        for j in 0 ..< hidden { z += h[s][j] * w2[j][0] }
        o[s] = sigmoid(z)
    }
    // Backward: the output layer, then the hidden one.
    var gradientW1 = [[Float]](repeating: [Float](repeating: 0, count: hidden), count: inputs)
    var gradientB1 = [Float](repeating: 0, count: hidden)
    var gradientW2 = [[Float]](repeating: [0], count: hidden)
    var gradientB2: [Float] = [0]
    for s in 0 ..< samples {
        let deltaO = 2 * (o[s] - y[s]) / Float(samples) * o[s] * (1 - o[s])
        gradientB2[0] += deltaO
        for j in 0 ..< hidden {
            gradientW2[j][0] += h[s][j] * deltaO
            let deltaH = deltaO * w2[j][0] * h[s][j] * (1 - h[s][j])
            gradientB1[j] += deltaH
            for i in 0 ..< inputs { gradientW1[i][j] += x[s][i] * deltaH }
        }
    }
    return (gradientW1, gradientB1, gradientW2, gradientB2)
}

/// σ(z) = 1 / (1 + e^(−z)).
func sigmoid(_ z: Float) -> Float {
    1 / (1 + expf(-z))
}
