/// The name of a figure in logs, history and callbacks: Keras's own strings (`"loss"`,
/// `"val_accuracy"`), typed so that a misspelt key is a compile error, not a silent nil.
///
/// ```swift
/// EarlyStopping(monitor: .valLoss, patience: 3)
/// history[.valAccuracy].last
/// ```
public struct LogKey: Hashable, Sendable, CustomStringConvertible {
    /// Keras's string for it: `"val_loss"`.
    public let name: String

    /// A key by Keras's string, for a name read from a file.
    public init(_ name: String) {
        self.name = name
    }

    public static let loss = LogKey("loss")
    public static let accuracy = LogKey("accuracy")
    public static let valLoss = LogKey("val_loss")
    public static let valAccuracy = LogKey("val_accuracy")

    /// The same figure on the validation data: `loss` → `val_loss`.
    public var validation: LogKey { LogKey("val_" + name) }

    /// True for an accuracy, where larger is better (Keras reads it from the name).
    public var isAccuracy: Bool { name.hasSuffix("accuracy") || name.hasSuffix("acc") }

    public var description: String { name }
}
