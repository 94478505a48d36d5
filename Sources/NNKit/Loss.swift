/// A loss: how far predictions are from targets, reduced to one number per batch as Keras does
/// (`sum_over_batch_size`: the mean over the batch of each sample's loss).
///
/// Shapes: predictions `(batch, outputs)`; targets the same, except for sparse categorical
/// cross-entropy, whose targets are class indices `(batch, 1)`.
/// Probabilities are clipped to `[ε, 1 − ε]` with Keras's `ε = 1e-7` before any logarithm.
public enum Loss: String, Sendable, CaseIterable {
    /// `mean((y − p)²)` over outputs, then over the batch.
    case meanSquaredError = "mean_squared_error"
    /// `−[y log(p + ε) + (1 − y) log(1 − p + ε)]` with `p` clipped, averaged over outputs.
    case binaryCrossentropy = "binary_crossentropy"
    /// `−Σ y log(clip(p / Σp))` per sample: predictions are renormalized to sum to one, then clipped.
    case categoricalCrossentropy = "categorical_crossentropy"
    /// `−log(clip(p)_y / Σ clip(p))` per sample, where `y` is the class index: clipped first,
    /// then renormalized, as Keras's TensorFlow backend does.
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"

    /// Keras's clipping constant.
    public static let epsilon: Float = 1e-7

    /// The mean loss over the batch.
    public func value(predictions: Matrix, targets: Matrix) -> Float {
        var unused = Matrix(rows: 0, columns: 0)
        return evaluate(predictions: predictions, targets: targets, gradient: &unused,
                        wantsGradient: false)
    }

    /// The mean loss over the batch, and `∂loss/∂predictions` written into `gradient`.
    public func value(predictions: Matrix, targets: Matrix, gradient: inout Matrix) -> Float {
        evaluate(predictions: predictions, targets: targets, gradient: &gradient,
                 wantsGradient: true)
    }

    /// Checks that `targets` fit `predictions` for this loss; the message names both shapes.
    public func validate(predictions: Matrix, targets: Matrix) throws {
        let rowsMatch = predictions.rows == targets.rows
        let columnsMatch = self == .sparseCategoricalCrossentropy
            ? targets.columns == 1 : targets.columns == predictions.columns
        guard rowsMatch && columnsMatch else {
            let expected = self == .sparseCategoricalCrossentropy
                ? "(\(predictions.rows), 1) class indices"
                : "(\(predictions.rows), \(predictions.columns))"
            throw NNKitError.shapeMismatch(
                "\(rawValue) needs targets of shape \(expected) for predictions of shape "
                + "(\(predictions.rows), \(predictions.columns)); got (\(targets.rows), \(targets.columns)).")
        }
        if self == .sparseCategoricalCrossentropy {
            for label in targets.scalars {
                let index = Int(label)
                guard Float(index) == label && index >= 0 && index < predictions.columns else {
                    throw NNKitError.invalidTarget(
                        "sparse_categorical_crossentropy needs class indices 0 to "
                        + "\(predictions.columns - 1); got \(label).")
                }
            }
        }
    }

    private func evaluate(predictions p: Matrix, targets y: Matrix, gradient: inout Matrix,
                          wantsGradient: Bool) -> Float {
        let batch = p.rows
        let width = p.columns
        precondition(batch > 0, "A loss needs at least one sample.")
        if wantsGradient { gradient.reshapeForReuse(rows: batch, columns: width) }
        let lower = Loss.epsilon
        let upper = 1 - Loss.epsilon
        var total: Double = 0
        switch self {
        case .meanSquaredError:
            let scale = 2 / Float(batch * width)
            for i in 0 ..< p.count {
                let difference = p.scalars[i] - y.scalars[i]
                total += Double(difference * difference)
                if wantsGradient { gradient.scalars[i] = scale * difference }
            }
            return Float(total / Double(width)) / Float(batch)
        case .binaryCrossentropy:
            let scale = 1 / Float(batch * width)
            for i in 0 ..< p.count {
                let target = y.scalars[i]
                let clipped = min(max(p.scalars[i], lower), upper)
                total -= Double(target * logf(clipped + lower)
                                + (1 - target) * logf(1 - clipped + lower))
                if wantsGradient {
                    let inRange = p.scalars[i] >= lower && p.scalars[i] <= upper
                    gradient.scalars[i] = inRange
                        ? scale * (-target / (clipped + lower) + (1 - target) / (1 - clipped + lower))
                        : 0
                }
            }
            return Float(total / Double(width)) / Float(batch)
        case .categoricalCrossentropy:
            for r in 0 ..< batch {
                let base = r * width
                var sum: Float = 0
                for c in 0 ..< width { sum += p.scalars[base + c] }
                // q = p / Σp, then clipped; ∂L/∂q_c = −y_c / q_c where unclipped.
                var weightedSum: Float = 0
                for c in 0 ..< width {
                    let q = p.scalars[base + c] / sum
                    let clipped = min(max(q, lower), upper)
                    let target = y.scalars[base + c]
                    total -= Double(target * logf(clipped))
                    if wantsGradient {
                        let dq = (q >= lower && q <= upper) ? -target / clipped : 0
                        gradient.scalars[base + c] = dq
                        weightedSum += dq * q
                    }
                }
                if wantsGradient {
                    // Through the renormalization: ∂L/∂p_j = (∂L/∂q_j − Σ_i ∂L/∂q_i · q_i) / Σp.
                    for c in 0 ..< width {
                        gradient.scalars[base + c] =
                            (gradient.scalars[base + c] - weightedSum) / sum / Float(batch)
                    }
                }
            }
            return Float(total) / Float(batch)
        case .sparseCategoricalCrossentropy:
            for r in 0 ..< batch {
                let base = r * width
                let label = Int(y.scalars[r])
                precondition(label >= 0 && label < width,
                             "Class index \(label) is outside 0..<\(width).")
                // c = clip(p); L = −log(c_y / Σc); ∂L/∂c_j = 1/Σc − [j = y]/c_y.
                var sum: Float = 0
                for c in 0 ..< width { sum += min(max(p.scalars[base + c], lower), upper) }
                let chosen = min(max(p.scalars[base + label], lower), upper)
                total -= Double(logf(chosen / sum))
                if wantsGradient {
                    for c in 0 ..< width {
                        let value = p.scalars[base + c]
                        let inRange = value >= lower && value <= upper
                        var dc = 1 / sum
                        if c == label { dc -= 1 / chosen }
                        gradient.scalars[base + c] = inRange ? dc / Float(batch) : 0
                    }
                }
            }
            return Float(total) / Float(batch)
        }
    }
}

/// Errors NNKit throws for data a user hands it: wrong shapes, bad labels, bad model files.
public enum NNKitError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(String)
    case invalidTarget(String)
    case invalidArgument(String)
    case weights(String)

    public var description: String {
        switch self {
        case .shapeMismatch(let message), .invalidTarget(let message),
             .invalidArgument(let message), .weights(let message):
            return message
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
