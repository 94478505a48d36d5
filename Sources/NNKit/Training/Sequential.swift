/// A stack of layers, each feeding the next: Keras's `Sequential`.
///
/// ```swift
/// let model = Sequential(inputSize: 2, [
///     Dense(units: 32, activation: .relu),
///     Dense(units: 1, activation: .sigmoid),
/// ], seed: 42)
/// model.compile(optimizer: RMSprop(), loss: .meanSquaredError, metrics: [.accuracy])
/// let history = try model.fit(x, y, epochs: 500)
/// ```
///
/// Layers are built as they are added, drawing their initial weights from a generator seeded
/// by `seed`, so the same seed gives the same model.
public final class Sequential {
    /// The shape of one input sample: `[784]` for flat features, `[28, 28, 1]` for images
    /// (height, width, channels, as Keras). A batch is always `(batch, inputSize)`.
    public let inputShape: [Int]
    /// Values per input sample: the product of `inputShape`.
    public var inputSize: Int { elementCount(inputShape) }
    public private(set) var layers: [any Layer] = []
    public var name: String
    public private(set) var optimizer: (any Optimizer)?
    public private(set) var loss: (any Loss)?
    public private(set) var metrics: [Metric] = []
    /// Set by a callback to end `fit` after the current epoch (Keras's `stop_training`).
    public var stopTraining = false
    /// The epoch `fit` is in, counting from 0.
    public internal(set) var currentEpoch = 0

    var generator: RandomGenerator
    private var usedNames: [String: Int] = [:]

    public convenience init(
        inputSize: Int, _ layers: [any Layer] = [], name: String = "sequential",
        seed: UInt64 = 0
    ) {
        self.init(inputShape: [inputSize], layers, name: name, seed: seed)
    }

    /// A model on samples of `inputShape`: `Sequential(inputShape: [28, 28, 1], [Conv2D(…), …])`.
    public init(
        inputShape: [Int], _ layers: [any Layer] = [], name: String = "sequential",
        seed: UInt64 = 0
    ) {
        precondition(
            !inputShape.isEmpty && inputShape.allSatisfy { $0 > 0 },
            "A model's input shape needs positive sizes, got \(shapeText(inputShape)).")
        self.inputShape = inputShape
        self.name = name
        self.generator = RandomGenerator(seed: seed)
        add(contentsOf: layers)
    }

    /// Appends `layer`, builds it for the previous layer's output shape and names it uniquely. A
    /// layer that already holds weights is refused: share it with `add(reusing:)` instead.
    public func add(_ layer: any Layer) {
        add(contentsOf: [layer])
    }

    /// Appends and builds `newLayers` in order, as `add(_:)` does one: the model's names and
    /// layers are gathered once, so a model of many layers is built in time linear in their number.
    func add(contentsOf newLayers: [any Layer]) {
        var present = Set(layers.map(ObjectIdentifier.init))
        var names = Set(layers.map(\.name))
        for layer in newLayers {
            precondition(
                present.insert(ObjectIdentifier(layer)).inserted,
                "\(layer.name) is already in this model; create a new layer instead.")
            precondition(
                layer.parameters.allSatisfy { $0.count == 0 },
                "\(layer.name) already holds weights (it is built, in this or another model); building it "
                    + "again would replace them. Share it with add(reusing:), or add a copy (Sequential.copy()).")
            layer.build(inputShape: outputShape, generator: &generator)
            append(layer, keepingName: false, names: &names)
        }
    }

    /// Names `layer` uniquely (a reused layer keeps its name unless this model already has it)
    /// and appends it; `names` holds the names in use, and gains the layer's.
    func append(_ layer: any Layer, keepingName: Bool, names: inout Set<String>) {
        let base = layer.baseName
        if !(keepingName && !names.contains(layer.name)) {
            var used = usedNames[base, default: 0]
            while names.contains(used == 0 ? base : "\(base)_\(used)") { used += 1 }
            layer.name = used == 0 ? base : "\(base)_\(used)"
            usedNames[base] = used + 1
        }
        names.insert(layer.name)
        // The first layer's input is the data: no gradient needs to flow into it. A reused
        // layer is only ever switched on, since the model it came from may need its gradient.
        if !keepingName {
            layer.computesInputGradient = !layers.isEmpty
        } else if !layers.isEmpty {
            layer.computesInputGradient = true
        }
        layers.append(layer)
    }

    /// Features per sample out of the last layer (the input size for an empty model).
    public var outputSize: Int { layers.last?.outputSize ?? inputSize }

    /// The shape of one sample out of the last layer (the input shape for an empty model).
    public var outputShape: [Int] { layers.last?.outputShape ?? inputShape }

    /// Chooses how the model learns: the optimizer, the loss it minimizes, and what else to report.
    public func compile(optimizer: any Optimizer, loss: some Loss, metrics: [Metric] = []) {
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics
        compiledTrainableParameters = trainableParameters
    }

    /// Every parameter of every layer, in layer order.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// The parameters the optimizer updates: the trainable ones of trainable layers.
    public var trainableParameters: [Parameter] {
        layers.filter(\.isTrainable).flatMap(\.parameters).filter(\.isTrainable)
    }

    /// `trainableParameters` as they were at `compile`, which `fit` updates (Keras reads
    /// `trainable` when it compiles).
    public private(set) var compiledTrainableParameters: [Parameter] = []

    /// The sum of every layer's penalty, added to the loss in training and evaluation as Keras
    /// adds `model.losses`.
    public var regularizationLoss: Float {
        layers.reduce(0) { $0 + $1.regularizationLoss }
    }

    /// Runs `input: (batch, inputSize)` through every layer: `(batch, outputSize)`.
    public func forward(_ input: Matrix, training: Bool) -> Matrix {
        var activations = input
        for layer in layers {
            activations = layer.forward(activations, training: training)
        }
        return activations
    }

    /// Propagates `∂loss/∂output` back through every layer, filling every gradient; returns
    /// `∂loss/∂input` when the first layer computes it (`computesInputGradient`), else an
    /// empty matrix.
    @discardableResult
    public func backward(_ outputGradient: Matrix) -> Matrix {
        var gradient = outputGradient
        for layer in layers.reversed() {
            gradient = layer.backward(gradient)
        }
        return gradient
    }

    /// The mean loss on `(x, y)` in training mode, with every parameter's gradient filled in:
    /// one training step without the update.
    @discardableResult
    public func computeGradients(_ x: Matrix, _ y: Matrix) throws -> Float {
        let loss = try compiled().loss
        try validate(x, y)
        var lossGradient = Matrix(rows: 0, columns: 0)
        let predictions = forward(x, training: true)
        let value = loss.value(predictions: predictions, targets: y, gradient: &lossGradient)
        backward(lossGradient)
        return value + regularizationLoss
    }

    /// Every weight under the key `"<layer index>.<name>"` (`"0.kernel"`, `"0.bias"`), in
    /// Keras's order; vectors are one-row matrices.
    public var weights: [(key: String, value: Matrix)] {
        layers.enumerated().flatMap { index, layer in
            layer.parameters.map { ("\(index).\($0.name)", $0.value) }
        }
    }

    /// Every weight keyed as `weights` keys them, for saving and restoring.
    public var weightDictionary: [String: Matrix] {
        Dictionary(uniqueKeysWithValues: weights.map { ($0.key, $0.value) })
    }

    /// Replaces every weight from `weights`, keyed as `weights` lists them. Every key must be
    /// present with the right shape; a vector may be given as one row or one column.
    public func setWeights(_ weights: [String: Matrix]) throws {
        var updates: [(Parameter, Matrix)] = []
        for (index, layer) in layers.enumerated() {
            for parameter in layer.parameters {
                let key = "\(index).\(parameter.name)"
                guard var value = weights[key] else {
                    throw NNKitError.weights(
                        "No weights for \(key) (\(layer.name)); expected a "
                            + "\(parameter.value.rows) × \(parameter.value.columns) matrix.")
                }
                if parameter.value.rows == 1 && value.columns == 1 && value.rows == parameter.value.columns {
                    value = Matrix(row: value.scalars)
                }
                guard value.rows == parameter.value.rows && value.columns == parameter.value.columns else {
                    throw NNKitError.weights(
                        "\(key) (\(layer.name)) is \(parameter.value.rows) × "
                            + "\(parameter.value.columns); got \(value.rows) × \(value.columns).")
                }
                updates.append((parameter, value))
            }
        }
        let known = Set(self.weights.map(\.key))
        if let unknown = weights.keys.sorted().first(where: { !known.contains($0) }) {
            throw NNKitError.weights(
                "This model has no weight \(unknown); it has \(known.sorted().joined(separator: ", ")).")
        }
        for (parameter, value) in updates { parameter.value = value }
    }

    /// Opens a single-threaded BLAS scope when a layer splits batches between cores itself (see
    /// `Layer.splitsBatchAcrossCores`); returns whether it did, for `endLayerParallelism`.
    func beginLayerParallelism() -> Bool {
        guard layers.contains(where: \.splitsBatchAcrossCores) else { return false }
        BLAS.beginSingleThreaded()
        return true
    }

    func endLayerParallelism(_ begun: Bool) {
        if begun { BLAS.endSingleThreaded() }
    }

    /// The loss and optimizer `compile` chose, or the one error that says to compile first.
    func compiled() throws -> (loss: any Loss, optimizer: any Optimizer) {
        guard let loss, let optimizer else {
            throw NNKitError.invalidArgument("The model must be compiled first: call compile(optimizer:loss:metrics:).")
        }
        return (loss, optimizer)
    }

    func validate(_ x: Matrix, _ y: Matrix) throws {
        guard x.columns == inputSize else {
            throw NNKitError.shapeMismatch(
                "\(name) expects \(inputSize) input features per sample; "
                    + "the data has \(x.columns).")
        }
        guard x.rows == y.rows else {
            throw NNKitError.shapeMismatch("x has \(x.rows) samples but y has \(y.rows); they must match.")
        }
        if let loss, x.rows > 0 {
            try loss.validate(predictions: Matrix(rows: y.rows, columns: outputSize), targets: y)
        }
    }
}
