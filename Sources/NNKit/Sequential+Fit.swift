/// How much `fit` prints, as Keras's `verbose`.
public enum Verbosity: Sendable, Equatable {
    /// Nothing (Keras's `verbose=0`).
    case silent
    /// A live bar on a terminal, one line per epoch elsewhere (Keras's `verbose=1`).
    case progressBar
    /// Only every n-th epoch's line (and the first and last), for long runs of tiny epochs.
    case everyNthEpoch(Int)
}

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
    public func fit(_ x: Matrix, _ y: Matrix, epochs: Int = 1, batchSize: Int = 32,
                    validationSplit: Double = 0, validationData: (x: Matrix, y: Matrix)? = nil,
                    shuffle: Bool = true, seed: UInt64? = nil, callbacks: [any Callback] = [],
                    augment: ((inout Matrix) -> Void)? = nil,
                    verbose: Verbosity = .progressBar,
                    output: any TextOutput = StandardOutput.shared) throws -> History {
        let loss = try requireLoss()
        guard let optimizer else { throw NNKitError.invalidArgument("The model must be compiled first.") }
        guard epochs >= 1 else {
            throw NNKitError.invalidArgument("fit needs at least one epoch, got \(epochs).")
        }
        guard batchSize >= 1 else {
            throw NNKitError.invalidArgument("fit needs a batch size of at least 1, got \(batchSize).")
        }
        guard validationSplit >= 0 && validationSplit < 1 else {
            throw NNKitError.invalidArgument("validationSplit must be in [0, 1), got \(validationSplit).")
        }
        try validate(x, y)

        // Keras: split_at = floor(n · (1 − validation_split)); the tail is the validation set.
        // Both are row ranges of x and y: a large dataset is never copied.
        var trainingCount = x.rows
        var validation: (x: Matrix, y: Matrix, rows: Range<Int>)?
        if let validationData {
            try validate(validationData.x, validationData.y)
            validation = (validationData.x, validationData.y, 0 ..< validationData.x.rows)
        } else if validationSplit > 0 {
            let splitAt = Int((Double(x.rows) * (1 - validationSplit)).rounded(.down))
            guard splitAt > 0 && splitAt < x.rows else {
                throw NNKitError.invalidArgument("validationSplit \(validationSplit) of \(x.rows) samples "
                                                 + "leaves an empty training or validation set.")
            }
            trainingCount = splitAt
            validation = (x, y, splitAt ..< x.rows)
        }
        guard trainingCount > 0 else { throw NNKitError.invalidArgument("fit needs at least one sample.") }

        var allCallbacks = callbacks
        switch verbose {
        case .silent: break
        case .progressBar: allCallbacks.insert(ProgressBar(output: output), at: 0)
        case .everyNthEpoch(let n): allCallbacks.insert(ProgressBar(output: output, every: n), at: 0)
        }

        let samples = trainingCount
        let steps = (samples + batchSize - 1) / batchSize
        let parameters = TrainingParameters(epochs: epochs, stepsPerEpoch: steps,
                                            samples: samples, batchSize: batchSize)
        var shuffler = RandomGenerator(seed: seed ?? generator.next())
        var history = History()
        var batchX = Matrix(rows: 0, columns: 0)
        var batchY = Matrix(rows: 0, columns: 0)
        var lossGradient = Matrix(rows: 0, columns: 0)
        let trainable = trainableParameters
        let regularized = layers.contains { ($0 as? Dense)?.kernelRegularizer != nil }
        let penalty = { regularized ? self.regularizationLoss : 0 }
        var order = Array(0 ..< samples)
        var lastLogs = Logs()
        // Reused batch after batch: its keys stay, only the values change.
        var batchLogs = Logs()

        stopTraining = false
        for callback in allCallbacks { callback.onTrainBegin(model: self, parameters: parameters) }
        for epoch in 0 ..< epochs {
            currentEpoch = epoch
            for callback in allCallbacks { callback.onEpochBegin(epoch, model: self) }
            if shuffle { shuffler.shuffle(&order) }
            var totals = RunningTotals(metrics: metrics)
            for step in 0 ..< steps {
                let batch = order[step * batchSize ..< min(samples, (step + 1) * batchSize)]
                x.gatherRows(batch, into: &batchX)
                y.gatherRows(batch, into: &batchY)
                augment?(&batchX)
                let predictions = forward(batchX, training: true)
                // As Keras reports it: the data loss plus the layers' penalties, before the update.
                let batchLoss = loss.value(predictions: predictions, targets: batchY,
                                           gradient: &lossGradient) + penalty()
                totals.add(loss: batchLoss, predictions: predictions, targets: batchY)
                backward(lossGradient)
                optimizer.step(trainable)
                if !allCallbacks.isEmpty {
                    totals.write(into: &batchLogs)
                    for callback in allCallbacks { callback.onBatchEnd(step, logs: batchLogs, model: self) }
                }
            }
            var logs = totals.logs(prefix: "")
            if let validation {
                for (key, value) in evaluate(validation.x, validation.y, rows: validation.rows,
                                             batchSize: batchSize, loss: loss) {
                    logs["val_" + key] = value
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
}

/// Batch-size-weighted sums of the loss and each metric over an epoch or an evaluation.
struct RunningTotals {
    let metrics: [Metric]
    private var lossSum: Double = 0
    private var correct: [Int]
    private var samples = 0

    init(metrics: [Metric]) {
        self.metrics = metrics
        self.correct = [Int](repeating: 0, count: metrics.count)
    }

    mutating func add(loss: Float, predictions: Matrix, targets: Matrix) {
        lossSum += Double(loss) * Double(predictions.rows)
        samples += predictions.rows
        for (index, metric) in metrics.enumerated() {
            correct[index] += metric.correctCount(predictions: predictions, targets: targets)
        }
    }

    func logs(prefix: String) -> Logs {
        var logs = Logs()
        write(into: &logs, prefix: prefix)
        return logs
    }

    /// Sets the running means in `logs`, in place: once the keys exist nothing is allocated.
    func write(into logs: inout Logs, prefix: String = "") {
        let n = Double(max(samples, 1))
        logs[prefix + "loss"] = Float(lossSum / n)
        for (index, metric) in metrics.enumerated() {
            logs[prefix + metric.key] = Float(Double(correct[index]) / n)
        }
    }
}
