import NNKit

/// Times each epoch of a `fit`: the training pass (to the last batch's update) and the whole
/// epoch (validation included), in seconds. For `lesson bench` and the chapters' tables.
final class EpochTimer: Callback {
    private(set) var trainingPasses: [Double] = []
    private(set) var epochs: [Double] = []
    private(set) var lastValidationAccuracy: Float = 0
    private var start = ContinuousClock.now
    private var lastBatch = ContinuousClock.now

    func onEpochBegin(_ epoch: Int, model: Sequential) { start = .now }
    func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) { lastBatch = .now }
    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        trainingPasses.append(seconds(lastBatch - start))
        epochs.append(seconds(ContinuousClock.now - start))
        lastValidationAccuracy = logs[.valAccuracy] ?? 0
    }

    /// The median whole epoch, 0 before the first.
    var medianEpoch: Double { median(epochs) }
}

/// The middle value (the mean of the two middle ones for an even count), 0 for none.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2]
        : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
