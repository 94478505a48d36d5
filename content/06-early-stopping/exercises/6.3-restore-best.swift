import NNKit

/// Exercise 6.3 · Restoring the best weights
///
/// `EarlyStopping(restoreBestWeights: true)` does two jobs: it decides when to stop (exercise
/// 6.1), and it makes sure the model you keep is the one from the epoch with the best
/// validation loss, not from the last epoch. This exercise is the second job, as a callback of
/// your own that `fit` calls like NNKit's:
///
/// - after every epoch, `onEpochEnd` sees that epoch's logs (`logs[.valLoss]`) and the model;
///   when the validation loss is the lowest so far, keep a copy of the weights
///   (`model.weightDictionary`) and the epoch's number (counting from 0);
/// - when training ends, `onTrainEnd` puts the kept weights back (`try? model.setWeights(…)`).
///
/// Write the two methods, then run `lesson check 6.3`.
final class RestoreBestWeights: Callback {
    /// The epoch whose weights were kept, counting from 0.
    private(set) var bestEpoch: Int?

    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        // TODO: when logs[.valLoss] is below every earlier epoch's, keep the weights and the epoch.
    }

    func onTrainEnd(model: Sequential, logs: Logs) {
        // TODO: put the kept weights back into the model.
    }
}
