/// A metric reported beside the loss during `fit` and by `evaluate`.
///
/// `.accuracy` resolves as Keras's `"accuracy"` does, from the shapes: one output →
/// binary accuracy (`p > 0.5` counts as 1); class-index targets → sparse categorical accuracy;
/// one-hot targets → categorical accuracy (argmax against argmax).
public enum Metric: String, Sendable {
    case accuracy

    /// The key in logs and history: `"accuracy"`, or `"val_accuracy"` for validation data.
    public var key: String { rawValue }

    /// How many samples of the batch are counted correct.
    public func correctCount(predictions: Matrix, targets: Matrix) -> Int {
        switch self {
        case .accuracy:
            if predictions.columns == 1 {
                var correct = 0
                for i in 0 ..< predictions.rows {
                    let predicted: Float = predictions.scalars[i] > 0.5 ? 1 : 0
                    if predicted == targets.scalars[i] { correct += 1 }
                }
                return correct
            }
            let predicted = predictions.argmaxPerRow()
            if targets.columns == 1 {
                return zip(predicted, targets.scalars).filter { Float($0) == $1 }.count
            }
            return zip(predicted, targets.argmaxPerRow()).filter { $0 == $1 }.count
        }
    }
}
