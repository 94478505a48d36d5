/// Exercise 0.5 · Closures: the first good epoch and the top classes
///
/// A Python lambda is one expression; a Swift closure is a function body in braces,
/// `{ loss in loss < 0.1 }`, or `{ $0 < 0.1 }` with its parameter unnamed. When a closure is a
/// call's last argument it may follow the parentheses, as the grader calls firstEpoch.
///
///     def first_epoch(losses, condition):     # epochs count from 1, as Keras prints them
///         for epoch, loss in enumerate(losses, start=1):
///             if condition(loss):
///                 return epoch
///         return None
///
///     def top_classes(probabilities, k):      # the k likeliest classes, likeliest first
///         order = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
///         return order[:k]
///
/// In Swift:
///
///     firstEpoch(in: [0.9, 0.5, 0.08, 0.05]) { $0 < 0.1 }    →  3
///     firstEpoch(in: [0.9, 0.5]) { $0 < 0.1 }                →  nil
///     topClasses([0.1, 0.6, 0.3], count: 2)                  →  [1, 2]
///     topClasses([0.2, 0.5, 0.2], count: 3)                  →  [1, 0, 2]    (tied: 0 first)
///
/// `sorted(by:)` takes a closure that answers "does the first go before the second?", where
/// Python's sorted takes a key. Both sorts are stable: elements that tie keep their order.
/// Write both functions, then run `lesson check 0.5`.
func firstEpoch(in losses: [Float], where condition: (Float) -> Bool) -> Int? {
    // TODO: the first epoch, counting from 1, whose loss satisfies condition; nil if none does.
    return nil
}

func topClasses(_ probabilities: [Float], count k: Int) -> [Int] {
    // TODO: the indices of the k largest probabilities, largest first, a tie by the lower
    // index first; all the indices when there are fewer than k.
    return []
}
