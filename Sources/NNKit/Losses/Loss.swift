/// A loss: how far predictions are from targets, reduced to one number per batch as Keras does
/// (`sum_over_batch_size`: the mean over the batch of each sample's loss), with its gradient
/// with respect to the predictions beside it, as a layer has forward and backward.
///
/// Shapes: predictions `(batch, outputs)`; targets the same, except for sparse categorical
/// cross-entropy, whose targets are class indices `(batch, 1)`.
/// Probabilities are clipped to `[ε, 1 − ε]` with Keras's `ε = 1e-7` before any logarithm.
///
/// ```swift
/// model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy)
/// ```
public protocol Loss: Sendable {
    /// Keras's name: `"mean_squared_error"`.
    var name: String { get }
    /// The mean loss over the batch.
    func value(predictions: Matrix, targets: Matrix) -> Float
    /// `∂loss/∂predictions`, written into `gradient` (reshaped to the predictions' shape).
    func gradient(predictions: Matrix, targets: Matrix, into gradient: inout Matrix)
    /// Throws unless `targets` fit `predictions` for this loss; the message names both shapes.
    func validate(predictions: Matrix, targets: Matrix) throws
}

/// Keras's clipping constant for probabilities, `1e-7`.
let lossEpsilon: Float = 1e-7

extension Loss {
    /// Targets of the predictions' own shape, as every loss but the sparse one needs.
    public func validate(predictions: Matrix, targets: Matrix) throws {
        guard predictions.rows == targets.rows && predictions.columns == targets.columns else {
            throw NNKitError.shapeMismatch(
                "\(name) needs targets of shape (\(predictions.rows), \(predictions.columns)) for predictions of shape "
                    + "(\(predictions.rows), \(predictions.columns)); got (\(targets.rows), \(targets.columns)).")
        }
    }

    /// The mean loss and, written into `gradient`, its gradient: one training step's worth.
    public func value(predictions: Matrix, targets: Matrix, gradient: inout Matrix) -> Float {
        self.gradient(predictions: predictions, targets: targets, into: &gradient)
        return value(predictions: predictions, targets: targets)
    }
}

extension Loss where Self == MeanSquaredError {
    public static var meanSquaredError: MeanSquaredError { MeanSquaredError() }
}

extension Loss where Self == BinaryCrossentropy {
    public static var binaryCrossentropy: BinaryCrossentropy { BinaryCrossentropy() }
}

extension Loss where Self == CategoricalCrossentropy {
    public static var categoricalCrossentropy: CategoricalCrossentropy { CategoricalCrossentropy() }
}

extension Loss where Self == SparseCategoricalCrossentropy {
    public static var sparseCategoricalCrossentropy: SparseCategoricalCrossentropy { SparseCategoricalCrossentropy() }
}

/// Every loss NNKit has, and a lookup by Keras's name.
public enum Losses {
    public static let all: [any Loss] = [
        MeanSquaredError(), BinaryCrossentropy(), CategoricalCrossentropy(),
        SparseCategoricalCrossentropy(),
    ]

    /// The loss Keras calls `name` (`"binary_crossentropy"`), or nil.
    public static func named(_ name: String) -> (any Loss)? {
        all.first { $0.name == name }
    }
}
