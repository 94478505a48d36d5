internal import CKernels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The element-wise (or, for softmax, row-wise) non-linearity a layer applies, with Keras's
/// names: `linear`, `sigmoid`, `relu`, `tanh`, `softmax`.
public enum ActivationFunction: String, Sendable, CaseIterable {
    /// `f(z) = z`.
    case linear
    /// `f(z) = 1 / (1 + e^(−z))`, squashing to (0, 1).
    case sigmoid
    /// `f(z) = max(0, z)`; its derivative at 0 is taken as 0, as TensorFlow does.
    case relu
    /// `f(z) = tanh(z)`, squashing to (−1, 1).
    case tanh
    /// Values along the last axis become probabilities, `e^(z_i − max z) / Σ_j e^(z_j − max z)`
    /// over that axis, as Keras's `axis=-1`: a flat sample's whole row, an image's channels at
    /// each pixel.
    case softmax

    /// Writes `f(preactivation)` into `output`, reusing its storage. `lastAxis` is the length of
    /// each sample's last axis (an image's channels), over which softmax normalizes; nil for
    /// the whole row.
    public func apply(_ preactivation: Matrix, into output: inout Matrix, lastAxis: Int? = nil) {
        output.reshapeForReuse(rows: preactivation.rows, columns: preactivation.columns)
        if preactivation.count == 0 { return }
        let width = Self.groupWidth(lastAxis, columns: preactivation.columns)
        preactivation.scalars.withUnsafeBufferPointer { z in
            output.scalars.withUnsafeMutableBufferPointer { a in
                apply(z.baseAddress!, into: a.baseAddress!, count: z.count, width: width)
            }
        }
    }

    /// `a = f(z)` over `count` values, in runs of `width` (softmax normalizes each run): for
    /// layers that apply the function to part of a batch at a time.
    func apply(_ z: UnsafePointer<Float>, into a: UnsafeMutablePointer<Float>, count: Int, width: Int) {
        switch self {
        case .linear:
            a.update(from: z, count: count)
        case .sigmoid:
            for i in 0..<count { a[i] = 1 / (1 + expf(-z[i])) }
        case .relu:
            nnkit_relu_forward(z, a, count)
        case .tanh:
            for i in 0..<count { a[i] = tanhf(z[i]) }
        case .softmax:
            let rows = width == 0 ? 0 : count / width
            for r in 0..<rows {
                let base = r * width
                var largest = -Float.infinity
                for c in 0..<width { largest = max(largest, z[base + c]) }
                var total: Float = 0
                for c in 0..<width {
                    let e = expf(z[base + c] - largest)
                    a[base + c] = e
                    total += e
                }
                for c in 0..<width { a[base + c] /= total }
            }
        }
    }

    /// `a = f(a)` in place, over `count` values in rows of `width`: for a layer whose product
    /// wrote the preactivations straight into its output.
    func applyInPlace(_ a: UnsafeMutablePointer<Float>, count: Int, width: Int) {
        switch self {
        case .linear:
            return
        case .relu:
            nnkit_relu_in_place(a, count)
        case .sigmoid, .tanh, .softmax:
            // Each value is read before it is written: these loops work in place.
            apply(a, into: a, count: count, width: width)
        }
    }

    /// The run of values softmax normalizes over: `lastAxis` when it divides a row, else the row.
    private static func groupWidth(_ lastAxis: Int?, columns: Int) -> Int {
        guard let lastAxis, lastAxis > 0, columns % lastAxis == 0 else { return columns }
        return lastAxis
    }

    /// Writes `∂loss/∂z` into `inputGradient` given `∂loss/∂a` and the forward output `a`, with
    /// `lastAxis` as `apply` took it.
    ///
    /// Every derivative here is expressed through the output: sigmoid `a(1 − a)`, tanh `1 − a²`,
    /// relu `a > 0`, softmax `a ⊙ (g − Σ g ⊙ a)` over each run it normalized (its Jacobian
    /// applied to `g`).
    public func backward(
        output: Matrix, outputGradient: Matrix, into inputGradient: inout Matrix,
        lastAxis: Int? = nil
    ) {
        precondition(
            output.rows == outputGradient.rows && output.columns == outputGradient.columns,
            "Activation gradient has shape \(outputGradient.rows) × \(outputGradient.columns); "
                + "the output was \(output.rows) × \(output.columns).")
        inputGradient.reshapeForReuse(rows: output.rows, columns: output.columns)
        if output.count == 0 { return }
        let width = Self.groupWidth(lastAxis, columns: output.columns)
        output.scalars.withUnsafeBufferPointer { a in
            outputGradient.scalars.withUnsafeBufferPointer { g in
                inputGradient.scalars.withUnsafeMutableBufferPointer { dz in
                    backward(
                        output: a.baseAddress!, outputGradient: g.baseAddress!, into: dz.baseAddress!,
                        count: a.count, width: width)
                }
            }
        }
    }

    /// `∂loss/∂z` from `∂loss/∂a` and `a` over `count` values, rows of `width`.
    func backward(
        output a: UnsafePointer<Float>, outputGradient g: UnsafePointer<Float>,
        into dz: UnsafeMutablePointer<Float>, count: Int, width: Int
    ) {
        switch self {
        case .linear:
            dz.update(from: g, count: count)
        case .sigmoid:
            for i in 0..<count { dz[i] = g[i] * a[i] * (1 - a[i]) }
        case .relu:
            nnkit_relu_backward(a, g, dz, count)
        case .tanh:
            for i in 0..<count { dz[i] = g[i] * (1 - a[i] * a[i]) }
        case .softmax:
            let rows = width == 0 ? 0 : count / width
            for r in 0..<rows {
                let base = r * width
                var dot: Float = 0
                for c in 0..<width { dot += g[base + c] * a[base + c] }
                for c in 0..<width { dz[base + c] = a[base + c] * (g[base + c] - dot) }
            }
        }
    }
}
