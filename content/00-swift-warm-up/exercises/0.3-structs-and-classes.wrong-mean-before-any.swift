// Wrong: the mean divides by the count even before any value, giving 0 / 0, NaN
// The check says: RunningMean().mean, before any value
struct RunningMean {
    var count = 0
    var total: Float = 0

    mutating func add(_ value: Float) {
        count += 1
        total += value
    }

    var mean: Float {
        total / Float(count)
    }
}

final class LossLog {
    private(set) var losses: [Float] = []

    func record(_ loss: Float) {
        losses.append(loss)
    }

    var best: Float? {
        losses.min()
    }
}
