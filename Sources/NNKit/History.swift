/// What `fit` returns: every epoch's logs, under Keras's keys, as `history.history` in Keras.
public struct History: Sendable {
    /// The epochs that ran, counting from 0 as Keras's callbacks do.
    public private(set) var epochs: [Int] = []
    /// Each key's values, one per epoch: `history["val_loss"]`.
    public private(set) var values: [String: [Float]] = [:]
    /// The keys in the order they were first logged.
    public private(set) var keys: [String] = []

    public init() {}

    public subscript(key: String) -> [Float] {
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
