/// Stops training when a monitored figure has stopped improving, as Keras 3's `EarlyStopping`.
///
/// After each epoch from `startFromEpoch` on: if the monitored value improves on the best so far
/// by more than `minDelta` it becomes the best (and, with `restoreBestWeights`, its weights are
/// kept); the wait counter restarts only when the value also beats `baseline`, if one is given.
/// Otherwise, once `patience` epochs have passed without a restart, training stops. With
/// `restoreBestWeights` the best epoch's weights are put back when training ends, whether or
/// not it stopped early. Epochs count from 0, as in Keras; messages print them from 1.
public final class EarlyStopping: Callback {
    /// Which way is better.
    public enum Mode: Sendable {
        /// `min` for a loss, `max` for an accuracy, read from the name as Keras does.
        case auto
        case min
        case max

        /// True when larger values of `monitor` are better.
        public func maximizes(_ monitor: LogKey) -> Bool {
            switch self {
            case .min: return false
            case .max: return true
            case .auto: return monitor.isAccuracy
            }
        }
    }

    public let monitor: LogKey
    public let minDelta: Float
    public let patience: Int
    public let mode: Mode
    public let baseline: Float?
    public let restoreBestWeights: Bool
    public let startFromEpoch: Int
    /// Print "Epoch 32: early stopping" and the restore message, as Keras's `verbose=1`.
    public let verbose: Bool
    private let output: any TextOutput

    /// The epoch training stopped at, or 0 if it ran to the end (Keras's `stopped_epoch`).
    public private(set) var stoppedEpoch = 0
    /// The epoch with the best monitored value seen (Keras's `best_epoch`).
    public private(set) var bestEpoch = 0
    /// The best monitored value seen, if any.
    public private(set) var best: Float?
    private var wait = 0
    private var bestWeights: [String: Matrix]?

    public init(
        monitor: LogKey = .valLoss, minDelta: Float = 0, patience: Int = 0, mode: Mode = .auto,
        baseline: Float? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0,
        verbose: Bool = false, output: any TextOutput = StandardOutput.shared
    ) {
        precondition(patience >= 0, "EarlyStopping's patience must be 0 or more, got \(patience).")
        self.monitor = monitor
        self.minDelta = abs(minDelta)
        self.patience = patience
        self.mode = mode
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
        self.startFromEpoch = startFromEpoch
        self.verbose = verbose
        self.output = output
    }

    func isImprovement(_ value: Float, over reference: Float?) -> Bool {
        guard let reference else { return true }
        return mode.maximizes(monitor) ? value - minDelta > reference : value + minDelta < reference
    }

    public func onTrainBegin(model: Sequential, parameters: TrainingParameters) {
        wait = 0
        stoppedEpoch = 0
        bestEpoch = 0
        best = nil
        bestWeights = nil
    }

    public func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        guard let current = logs[monitor], epoch >= startFromEpoch else { return }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = model.weightDictionary
            bestEpoch = epoch
        }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = model.weightDictionary }
            // The wait restarts only when the value beats both the previous best and the baseline.
            if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
            return
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            model.stopTraining = true
        }
    }

    public func onTrainEnd(model: Sequential, logs: Logs) {
        if stoppedEpoch > 0 && verbose {
            output.write("Epoch \(stoppedEpoch + 1): early stopping\n")
        }
        if restoreBestWeights, let bestWeights {
            if verbose {
                output.write("Restoring model weights from the end of the best epoch: \(bestEpoch + 1).\n")
            }
            // The weights came from this very model, so every key and shape fits.
            try? model.setWeights(bestWeights)
        }
    }
}
