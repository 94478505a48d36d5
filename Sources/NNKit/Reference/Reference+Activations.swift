import Foundation

extension Reference {
    /// An activation applied to `z`, a batch of rows `width` values wide:
    ///
    ///     linear(z) = z            relu(z) = max(0, z)
    ///     sigmoid(z) = 1 / (1 + e^−z)   tanh(z) = (e^z − e^−z) / (e^z + e^−z)
    ///     softmax(z)_k = e^(z_k − max z) / Σ_j e^(z_j − max z), over each row's `width` values
    ///
    /// (subtracting the largest value changes nothing but keeps `e^z` from overflowing).
    public static func activation(_ function: ActivationFunction, _ z: [Float], width: Int) -> [Float] {
        switch function {
        case .linear: return z
        case .relu: return z.map { max(0, $0) }
        case .sigmoid: return z.map { 1 / (1 + expf(-$0)) }
        case .tanh: return z.map { tanhf($0) }
        case .softmax:
            var output = z
            for start in stride(from: 0, to: z.count, by: width) {
                let row = z[start..<start + width]
                let largest = row.max() ?? 0
                let exponentials = row.map { expf($0 - largest) }
                let total = exponentials.reduce(0, +)
                for (offset, value) in exponentials.enumerated() { output[start + offset] = value / total }
            }
            return output
        }
    }

    /// ∂loss/∂z from the activation's output `a` and ∂loss/∂a, by the chain rule:
    ///
    ///     linear: ∂a     relu: ∂a where a > 0, else 0     sigmoid: ∂a · a(1 − a)     tanh: ∂a · (1 − a²)
    ///     softmax: ∂z_k = a_k · (∂a_k − Σ_j ∂a_j · a_j), within each row
    public static func activationBackward(
        _ function: ActivationFunction, output a: [Float],
        outputGradient: [Float], width: Int
    ) -> [Float] {
        switch function {
        case .linear: return outputGradient
        case .relu: return zip(a, outputGradient).map { $0 > 0 ? $1 : 0 }
        case .sigmoid: return zip(a, outputGradient).map { $1 * $0 * (1 - $0) }
        case .tanh: return zip(a, outputGradient).map { $1 * (1 - $0 * $0) }
        case .softmax:
            var gradient = outputGradient
            for start in stride(from: 0, to: a.count, by: width) {
                var dot: Float = 0
                for k in start..<start + width { dot += outputGradient[k] * a[k] }
                for k in start..<start + width { gradient[k] = a[k] * (outputGradient[k] - dot) }
            }
            return gradient
        }
    }
}
