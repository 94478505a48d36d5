// Wrong: the epoch stored counting from 1, as Keras prints it, where the callback's epoch counts from 0
// The check says: the epoch with the lowest val_loss (counting from 0)
import NNKit

final class RestoreBestWeights: Callback {
    private(set) var bestEpoch: Int?
    private var bestLoss = Float.infinity
    private var bestWeights: [String: Matrix]?

    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        guard let loss = logs[.valLoss], loss < bestLoss else { return }
        bestLoss = loss
        bestEpoch = epoch + 1
        bestWeights = model.weightDictionary
    }

    func onTrainEnd(model: Sequential, logs: Logs) {
        if let bestWeights { try? model.setWeights(bestWeights) }
    }
}
