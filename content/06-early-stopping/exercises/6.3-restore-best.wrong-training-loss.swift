// Wrong: the training loss, logs[.loss], watched instead of the validation loss
// The check says: the epoch with the lowest val_loss (counting from 0)
import NNKit

final class RestoreBestWeights: Callback {
    private(set) var bestEpoch: Int?
    private var bestLoss = Float.infinity
    private var bestWeights: [String: Matrix]?

    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        guard let loss = logs[.loss], loss < bestLoss else { return }
        bestLoss = loss
        bestEpoch = epoch
        bestWeights = model.weightDictionary
    }

    func onTrainEnd(model: Sequential, logs: Logs) {
        if let bestWeights { try? model.setWeights(bestWeights) }
    }
}
