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

    public init(name: String, value: Matrix, isTrainable: Bool = true) {
        self.name = name
        self.value = value
        self.gradient = Matrix(rows: value.rows, columns: value.columns)
        self.isTrainable = isTrainable
    }

    /// The number of scalars.
    public var count: Int { value.count }
}
