// Wrong: the best weights are kept but never put back when training ends
// The check says: after fit, beside epoch
import NNKit

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
    }
}
