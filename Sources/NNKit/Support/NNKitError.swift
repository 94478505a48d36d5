/// Errors NNKit throws for data a user hands it: wrong shapes, bad labels, bad model files.
public enum NNKitError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(String)
    case invalidTarget(String)
    case invalidArgument(String)
    case weights(String)

    /// The message, with any control character a name from a file may carry escaped.
    public var description: String {
        switch self {
        case .shapeMismatch(let message), .invalidTarget(let message),
            .invalidArgument(let message), .weights(let message):
            return message.terminalSafe
        }
    }
}
