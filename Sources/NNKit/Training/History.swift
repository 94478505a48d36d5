/// What `fit` returns: every epoch's logs, under Keras's keys, as `history.history` in Keras.
public struct History: Sendable {
    /// The epochs that ran, counting from 0 as Keras's callbacks do.
    public private(set) var epochs: [Int] = []
    /// Each key's values, one per epoch: `history[.valLoss]`.
    public private(set) var values: [LogKey: [Float]] = [:]
    /// The keys in the order they were first logged.
    public private(set) var keys: [LogKey] = []

    public init() {}

    public subscript(key: LogKey) -> [Float] {
        values[key] ?? []
    }

    mutating func record(epoch: Int, logs: Logs) {
        epochs.append(epoch)
        for (key, value) in logs {
            if values[key] == nil { keys.append(key) }
            values[key, default: []].append(value)
        }
    }
}
