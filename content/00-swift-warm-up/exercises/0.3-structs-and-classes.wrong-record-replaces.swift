// Wrong: record replaces the log with the newest loss instead of adding it after the others
// The check says: then log.losses
struct RunningMean {
    var count = 0
    var total: Float = 0

    mutating func add(_ value: Float) {
        count += 1
        total += value
    }

    var mean: Float {
        count == 0 ? 0 : total / Float(count)
    }
}

final class LossLog {
    private(set) var losses: [Float] = []

    func record(_ loss: Float) {
        losses = [loss]
    }

    var best: Float? {
        losses.min()
    }
}
