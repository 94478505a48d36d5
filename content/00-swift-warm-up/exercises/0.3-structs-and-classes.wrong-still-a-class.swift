// Wrong: RunningMean left a class, so var b = a names the same object and b.add(3) changes a
// The check says: is RunningMean a struct yet?
final class RunningMean {
    var count = 0
    var total: Float = 0

    func add(_ value: Float) {
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
        losses.append(loss)
    }

    var best: Float? {
        losses.min()
    }
}
