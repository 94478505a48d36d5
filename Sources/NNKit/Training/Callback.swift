/// Hooks into `Sequential.fit`, with Keras's callback points. Every method has an empty
/// default, so a callback implements only what it needs. Epochs and batches count from 0.
public protocol Callback: AnyObject {
    func onTrainBegin(model: Sequential, parameters: TrainingParameters)
    func onEpochBegin(_ epoch: Int, model: Sequential)
    /// After each batch's update; `logs` holds the running means over the epoch so far.
    func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential)
    /// After validation; `logs` holds the epoch's means and the validation figures.
    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential)
    func onTrainEnd(model: Sequential, logs: Logs)
}

extension Callback {
    public func onTrainBegin(model: Sequential, parameters: TrainingParameters) {}
    public func onEpochBegin(_ epoch: Int, model: Sequential) {}
    public func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) {}
    public func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {}
    public func onTrainEnd(model: Sequential, logs: Logs) {}
}

/// The shape of a `fit` call, handed to callbacks when training begins (Keras's `params`).
public struct TrainingParameters: Sendable, Equatable {
    public var epochs: Int
    public var stepsPerEpoch: Int
    public var samples: Int
    public var batchSize: Int

    public init(epochs: Int, stepsPerEpoch: Int, samples: Int, batchSize: Int) {
        self.epochs = epochs
        self.stepsPerEpoch = stepsPerEpoch
        self.samples = samples
        self.batchSize = batchSize
    }
}

/// A callback made of closures, for a one-off hook without a new type.
public final class LambdaCallback: Callback {
    private let epochEnd: (Int, Logs, Sequential) -> Void

    public init(onEpochEnd: @escaping (Int, Logs, Sequential) -> Void) {
        self.epochEnd = onEpochEnd
    }

    public func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        epochEnd(epoch, logs, model)
    }
}
