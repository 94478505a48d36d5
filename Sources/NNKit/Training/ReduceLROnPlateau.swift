/// Lowers the optimizer's learning rate when a monitored figure stops improving, as Keras 3's
/// `ReduceLROnPlateau`.
///
/// After each epoch: during a cooldown the counter runs down and waiting restarts. A value below
/// the best by more than `minDelta` (above, for an accuracy) becomes the best and waiting
/// restarts; otherwise, outside a cooldown, the wait grows, and once it reaches `patience` the
/// rate becomes `max(rate · factor, minLearningRate)` (if it is still above the minimum), a
/// cooldown of `cooldown` epochs starts and waiting restarts.
/// Defaults as Keras: `monitor = .valLoss`, `factor = 0.1`, `patience = 10`, `minDelta = 1e-4`,
/// `cooldown = 0`, `minLearningRate = 0`.
public final class ReduceLROnPlateau: Callback {
    public let monitor: LogKey
    public let factor: Float
    public let patience: Int
    public let mode: EarlyStopping.Mode
    public let minDelta: Float
    public let cooldown: Int
    public let minLearningRate: Float

    private var best: Float?
    private var wait = 0
    private var cooldownCounter = 0

    public init(
        monitor: LogKey = .valLoss, factor: Float = 0.1, patience: Int = 10, mode: EarlyStopping.Mode = .auto,
        minDelta: Float = 1e-4, cooldown: Int = 0, minLearningRate: Float = 0
    ) {
        precondition(factor < 1, "ReduceLROnPlateau lowers the rate: its factor must be below 1, got \(factor).")
        (self.monitor, self.factor, self.patience, self.mode) = (monitor, factor, patience, mode)
        (self.minDelta, self.cooldown, self.minLearningRate) = (minDelta, cooldown, minLearningRate)
    }

    public func onTrainBegin(model: Sequential, parameters: TrainingParameters) {
        (best, wait, cooldownCounter) = (nil, 0, 0)
    }

    public func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        guard let current = logs[monitor], let optimizer = model.optimizer else { return }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        if improves(current) {
            best = current
            wait = 0
        } else if cooldownCounter == 0 {
            wait += 1
            if wait >= patience && optimizer.learningRate > minLearningRate {
                optimizer.learningRate = max(optimizer.learningRate * factor, minLearningRate)
                cooldownCounter = cooldown
                wait = 0
            }
        }
    }

    private func improves(_ value: Float) -> Bool {
        guard let best else { return true }
        return mode.maximizes(monitor) ? value > best + minDelta : value < best - minDelta
    }
}
