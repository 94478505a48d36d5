extension Sequential {
    /// Trains the model for `epochs` passes over `(x, y)`, as Keras's `fit`.
    ///
    /// - `batchSize`: samples per update (Keras's default 32); the last batch may be smaller.
    /// - `validationSplit`: the *last* fraction of the samples, taken before any shuffling, is
    ///   held out and evaluated after each epoch, as Keras does. Ignored when `validationData`
    ///   is given.
    /// - `shuffle`: reorder the training samples every epoch, from `seed` (default: drawn from
    ///   the model's generator).
    /// - `augment`: changes each training batch's inputs in place before the forward pass
    ///   (on-the-fly data augmentation, as Keras's random preprocessing layers do in training);
    ///   validation data is never augmented.
    /// - Each epoch's `loss` and metrics are means over its batches, each taken before that
    ///   batch's update and weighted by the batch's size, as Keras reports them.
    @discardableResult
    public func fit(
        _ x: Matrix, _ y: Matrix, epochs: Int = 1, batchSize: Int = 32,
        validationSplit: Double = 0, validationData: (x: Matrix, y: Matrix)? = nil,
        shuffle: Bool = true, seed: UInt64? = nil, callbacks: [any Callback] = [],
        augment: ((inout Matrix) -> Void)? = nil,
        verbose: Verbosity = .progressBar,
        output: any TextOutput = StandardOutput.shared
    ) throws -> History {
        let (loss, optimizer) = try compiled()
        guard epochs >= 1 else { throw NNKitError.invalidArgument("fit needs at least one epoch, got \(epochs).") }
        guard batchSize >= 1 else {
            throw NNKitError.invalidArgument("fit needs a batch size of at least 1, got \(batchSize).")
        }
        try validate(x, y)
        let split = try heldOut(x, y, validationSplit: validationSplit, validationData: validationData)
        let rows = min(batchSize, split.trainingCount)
        try checkBatch(rows, training: true, task: "fit's batches of \(grouped(rows)) samples")

        var allCallbacks = callbacks
        switch verbose {
        case .silent: break
        case .progressBar: allCallbacks.insert(ProgressBar(output: output), at: 0)
        case .everyNthEpoch(let n): allCallbacks.insert(ProgressBar(output: output, every: n), at: 0)
        }
        let layerParallelism = beginLayerParallelism()
        defer { endLayerParallelism(layerParallelism) }
        var loop = TrainingLoop(
            model: self, loss: loss, optimizer: optimizer, x: x, y: y,
            samples: split.trainingCount, batchSize: batchSize,
            shuffler: RandomGenerator(seed: seed ?? generator.next()),
            shuffles: shuffle, augment: augment, callbacks: allCallbacks)
        var history = History()
        var lastLogs = Logs()
        stopTraining = false
        let parameters = TrainingParameters(
            epochs: epochs, stepsPerEpoch: loop.steps,
            samples: split.trainingCount, batchSize: batchSize)
        for callback in allCallbacks { callback.onTrainBegin(model: self, parameters: parameters) }
        for epoch in 0..<epochs {
            currentEpoch = epoch
            for callback in allCallbacks { callback.onEpochBegin(epoch, model: self) }
            var logs = loop.runEpoch()
            if let validation = split.validation {
                for (key, value) in evaluate(
                    validation.x, validation.y, rows: validation.rows,
                    batchSize: batchSize, loss: loss)
                {
                    logs[key.validation] = value
                }
            }
            history.record(epoch: epoch, logs: logs)
            lastLogs = logs
            for callback in allCallbacks { callback.onEpochEnd(epoch, logs: logs, model: self) }
            if stopTraining { break }
        }
        for callback in allCallbacks { callback.onTrainEnd(model: self, logs: lastLogs) }
        return history
    }

    /// Which samples train and which validate. Keras: `split_at = floor(n · (1 − split))`, the
    /// tail validates. Both are row ranges of `x` and `y`: a large dataset is never copied.
    func heldOut(_ x: Matrix, _ y: Matrix, validationSplit: Double, validationData: (x: Matrix, y: Matrix)?) throws
        -> (trainingCount: Int, validation: (x: Matrix, y: Matrix, rows: Range<Int>)?)
    {
        guard validationSplit >= 0 && validationSplit < 1 else {
            throw NNKitError.invalidArgument("validationSplit must be in [0, 1), got \(validationSplit).")
        }
        guard x.rows > 0 else { throw NNKitError.invalidArgument("fit needs at least one sample.") }
        if let validationData {
            try validate(validationData.x, validationData.y)
            return (x.rows, (validationData.x, validationData.y, 0..<validationData.x.rows))
        }
        guard validationSplit > 0 else { return (x.rows, nil) }
        let splitAt = Int((Double(x.rows) * (1 - validationSplit)).rounded(.down))
        guard splitAt > 0 && splitAt < x.rows else {
            throw NNKitError.invalidArgument(
                "validationSplit \(validationSplit) of \(x.rows) samples "
                    + "leaves an empty training or validation set.")
        }
        return (splitAt, (x, y, splitAt..<x.rows))
    }
}

/// One epoch of training after another: shuffle, then for each batch gather it, augment it,
/// forward, loss and its gradient, backward, update, and tell the callbacks. Its buffers are
/// kept from batch to batch, so nothing is allocated per batch.
struct TrainingLoop {
    let model: Sequential
    let loss: any Loss
    let optimizer: any Optimizer
    let x: Matrix
    let y: Matrix
    let samples: Int
    let batchSize: Int
    var shuffler: RandomGenerator
    let shuffles: Bool
    let augment: ((inout Matrix) -> Void)?
    let callbacks: [any Callback]

    private let trainable: [Parameter]
    private var order: [Int]
    private var batchX = Matrix(rows: 0, columns: 0)
    private var batchY = Matrix(rows: 0, columns: 0)
    private var lossGradient = Matrix(rows: 0, columns: 0)
    // Reused batch after batch: its keys stay, only the values change.
    private var batchLogs = Logs()

    init(
        model: Sequential, loss: any Loss, optimizer: any Optimizer, x: Matrix, y: Matrix, samples: Int,
        batchSize: Int, shuffler: RandomGenerator, shuffles: Bool, augment: ((inout Matrix) -> Void)?,
        callbacks: [any Callback]
    ) {
        (self.model, self.loss, self.optimizer, self.x, self.y) = (model, loss, optimizer, x, y)
        (self.samples, self.batchSize, self.shuffler, self.shuffles) = (samples, batchSize, shuffler, shuffles)
        (self.augment, self.callbacks) = (augment, callbacks)
        trainable = model.compiledTrainableParameters
        order = Array(0..<samples)
    }

    var steps: Int { (samples + batchSize - 1) / batchSize }

    /// Trains on every batch once; returns the epoch's mean loss and metrics.
    mutating func runEpoch() -> Logs {
        if shuffles { shuffler.shuffle(&order) }
        var totals = RunningTotals(metrics: model.metrics)
        for step in 0..<steps {
            let batch = order[step * batchSize..<min(samples, (step + 1) * batchSize)]
            x.gatherRows(batch, into: &batchX)
            y.gatherRows(batch, into: &batchY)
            augment?(&batchX)
            let predictions = model.forward(batchX, training: true)
            // As Keras reports it: the data loss plus the layers' penalties, before the update.
            let batchLoss =
                loss.value(predictions: predictions, targets: batchY, gradient: &lossGradient)
                + model.regularizationLoss
            totals.add(loss: batchLoss, predictions: predictions, targets: batchY)
            model.backward(lossGradient)
            optimizer.step(trainable)
            if !callbacks.isEmpty {
                totals.write(into: &batchLogs)
                for callback in callbacks { callback.onBatchEnd(step, logs: batchLogs, model: model) }
            }
        }
        return totals.logs()
    }
}
