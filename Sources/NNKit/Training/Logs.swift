/// Named numbers from training, in the order they were added, printed and stored under Keras's
/// own keys: `loss`, `accuracy`, `val_loss`, `val_accuracy`.
public struct Logs: Sequence, Equatable, Sendable {
    public private(set) var entries: [(key: LogKey, value: Float)] = []

    public init(_ entries: [(key: LogKey, value: Float)] = []) {
        self.entries = entries
    }

    /// The value under `key`, or nil; setting replaces it in place or appends it.
    public subscript(key: LogKey) -> Float? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(key: LogKey, value: Float)]> {
        entries.makeIterator()
    }

    /// `loss: 0.5234 - accuracy: 0.8123`, as Keras prints a log line.
    public var formatted: String {
        entries.map { "\($0.key): \(fixed($0.value, decimals: 4))" }.joined(separator: " - ")
    }

    public static func == (lhs: Logs, rhs: Logs) -> Bool {
        lhs.entries.map(\.key) == rhs.entries.map(\.key)
            && lhs.entries.map(\.value) == rhs.entries.map(\.value)
    }
}
