/// Exercise 0.3 · Structs, classes and copies (reference solution)
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
        losses.append(loss)
    }

    var best: Float? {
        losses.min()
    }
}
