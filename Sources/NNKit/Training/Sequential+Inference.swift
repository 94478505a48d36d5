extension Sequential {
    /// The model's outputs for every sample, computed `batchSize` rows at a time in inference
    /// mode: `(samples, inputSize) → (samples, outputSize)`. Fewer rows at a time when a batch's
    /// buffers would need more than `batchMemoryLimit` (each sample's outputs are the same
    /// whatever the batch); a model whose single sample needs more cannot predict.
    public func predict(_ x: Matrix, batchSize: Int = 32) -> Matrix {
        precondition(
            x.columns == inputSize,
            "\(name) expects \(inputSize) input features per sample; got \(x.columns).")
        precondition(batchSize >= 1, "predict needs a batch size of at least 1, got \(batchSize).")
        var batchSize = batchSize
        do {
            let (footprints, labels) = try footprints()
            let fitting = Self.largestBatch(footprints, inputShape: inputShape, training: false)
            try Self.checkBatch(
                footprints, labels: labels, inputShape: inputShape, batchSize: 1,
                training: false, task: "predict on one sample")
            batchSize = min(batchSize, fitting)
        } catch {
            fatalError("\(error)")
        }
        var result = Matrix(rows: x.rows, columns: outputSize)
        var batchX = Matrix(rows: 0, columns: 0)
        let layerParallelism = beginLayerParallelism()
        defer { endLayerParallelism(layerParallelism) }
        for start in stride(from: 0, to: x.rows, by: batchSize) {
            let end = min(x.rows, start + batchSize)
            x.copyRows(start..<end, into: &batchX)
            let outputs = forward(batchX, training: false)
            result.scalars.replaceSubrange(
                start * outputSize..<end * outputSize,
                with: outputs.scalars)
        }
        return result
    }

    /// The mean loss and metrics on `(x, y)` in inference mode, under Keras's keys
    /// (`loss`, `accuracy`), computed `batchSize` rows at a time.
    public func evaluate(_ x: Matrix, _ y: Matrix, batchSize: Int = 32) throws -> Logs {
        let loss = try compiled().loss
        try validate(x, y)
        guard batchSize >= 1 else {
            throw NNKitError.invalidArgument("evaluate needs a batch size of at least 1, got \(batchSize).")
        }
        let rows = min(batchSize, max(x.rows, 1))
        try checkBatch(rows, training: false, task: "evaluate's batches of \(grouped(rows)) samples")
        return evaluate(x, y, rows: 0..<x.rows, batchSize: batchSize, loss: loss)
    }

    /// The mean loss and metrics over `rows` of `(x, y)`, already validated.
    func evaluate(_ x: Matrix, _ y: Matrix, rows: Range<Int>, batchSize: Int, loss: any Loss) -> Logs {
        var totals = RunningTotals(metrics: metrics)
        let layerParallelism = beginLayerParallelism()
        defer { endLayerParallelism(layerParallelism) }
        var batchX = Matrix(rows: 0, columns: 0)
        var batchY = Matrix(rows: 0, columns: 0)
        // The weights do not change during evaluation: the penalty is one number for all batches.
        let penalty = regularizationLoss
        for start in stride(from: rows.lowerBound, to: rows.upperBound, by: batchSize) {
            let end = min(rows.upperBound, start + batchSize)
            x.copyRows(start..<end, into: &batchX)
            y.copyRows(start..<end, into: &batchY)
            let predictions = forward(batchX, training: false)
            totals.add(
                loss: loss.value(predictions: predictions, targets: batchY) + penalty,
                predictions: predictions, targets: batchY)
        }
        return totals.logs()
    }
}
