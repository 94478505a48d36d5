/// One weight tensor of a layer with the gradient of the loss with respect to it.
///
/// Trainable parameters are updated by the optimizer; non-trainable ones (BatchNormalization's
/// moving statistics) are updated by their layer and only saved and counted.
public final class Parameter {
    /// The weight's name within its layer, as Keras names it: `kernel`, `bias`, `gamma`,
    /// `beta`, `moving_mean`, `moving_variance`.
    public let name: String
    public var value: Matrix
    /// `∂loss/∂value` from the last backward pass; same shape as `value`.
    public var gradient: Matrix
    public let isTrainable: Bool
    /// The weight's shape as Keras gives it (and model files store it), when it is more than
    /// the matrix's: a convolution kernel held as `(height · width · channels, filters)` is
    /// `[height, width, channels, filters]`. Nil for a plain matrix or vector.
    public var tensorShape: [Int]?

    public init(name: String, value: Matrix, isTrainable: Bool = true) {
        self.name = name
        self.value = value
        self.gradient = Matrix(rows: value.rows, columns: value.columns)
        self.isTrainable = isTrainable
    }

    /// The shape Keras gives this weight: `tensorShape` when set, else `[rows, columns]` for a
    /// kernel or a matrix and `[columns]` for a vector (a bias, a statistic).
    public var shape: [Int] {
        if let tensorShape { return tensorShape }
        return name == "kernel" || value.rows != 1 ? [value.rows, value.columns] : [value.columns]
    }

    /// The number of scalars.
    public var count: Int { value.count }
}
