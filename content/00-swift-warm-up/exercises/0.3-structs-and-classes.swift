/// Exercise 0.3 · Structs, classes and copies
///
/// In Python, `b = a` gives one object a second name, whatever kind of object a is:
///
///     @dataclass
///     class RunningMean:
///         count: int = 0
///         total: float = 0.0
///
///         def add(self, value):
///             self.count += 1
///             self.total += value
///
///         @property
///         def mean(self):                     # 0.0 before any value
///             return self.total / self.count if self.count else 0.0
///
///     a = RunningMean(); a.add(1)
///     b = a; b.add(3)                         # a.mean is 2.0 now: a and b are one object
///
/// Swift has both kinds. A struct is a value, as an Int is: `var b = a` makes a copy, and
/// b.add(3) leaves a's mean at 1.0. A class is shared, as every Python object is.
///
/// 1. Write RunningMean's add and mean. The grader copies a RunningMean and expects the copy to
///    be a RunningMean of its own. It is declared as a class below: make it a struct. A
///    struct's method that changes the struct's fields is marked `mutating`.
/// 2. LossLog is a log that a training loop and a callback both hold: whatever either of them
///    records must reach the one log, so it stays a class. Write record, and best: the
///    smallest loss recorded, or nil while there is none.
///
/// Then run `lesson check 0.3`.
class RunningMean {
    var count = 0
    var total: Float = 0

    func add(_ value: Float) {
        // TODO: count one more value and add it to the total (and make RunningMean a struct).
    }

    var mean: Float {
        // TODO: the total divided by the count; 0 before any value.
        return 0
    }
}

final class LossLog {
    private(set) var losses: [Float] = []

    func record(_ loss: Float) {
        // TODO: keep loss, after the losses already recorded.
    }

    var best: Float? {
        // TODO: the smallest loss recorded; nil while there is none.
        return nil
    }
}
