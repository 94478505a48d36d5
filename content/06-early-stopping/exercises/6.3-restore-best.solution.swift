import NNKit

/// Exercise 6.3 · Restoring the best weights (reference solution)
final class RestoreBestWeights: Callback {
    private(set) var bestEpoch: Int?
    private var bestLoss = Float.infinity
    private var bestWeights: [String: Matrix]?

    func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        guard let loss = logs[.valLoss], loss < bestLoss else { return }
        bestLoss = loss
        bestEpoch = epoch
        bestWeights = model.weightDictionary
    }

    func onTrainEnd(model: Sequential, logs: Logs) {
        if let bestWeights { try? model.setWeights(bestWeights) }
    }
}
