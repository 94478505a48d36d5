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

    func logs() -> Logs {
        var logs = Logs()
        write(into: &logs)
        return logs
    }

    /// Sets the running means in `logs`, in place: once the keys exist nothing is allocated.
    func write(into logs: inout Logs) {
        let n = Double(max(samples, 1))
        logs[.loss] = Float(lossSum / n)
        for (index, metric) in metrics.enumerated() {
            logs[metric.key] = Float(Double(correct[index]) / n)
        }
    }
}
