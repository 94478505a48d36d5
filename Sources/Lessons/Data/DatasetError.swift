/// A dataset that cannot be used, said with the file, the problem and the fix.
public enum DatasetError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, reason: String)
    case corrupt(String, reason: String)
    case mismatch(String)

    public var description: String {
        let words = Words.shared
        switch self {
        case .unreadable(let path, let reason):
            return words("error.dataset.unreadable", ["path": path, "reason": reason]) + " " + DatasetError.fix
        case .corrupt(let path, let reason):
            return words("error.dataset.corrupt", ["path": path, "reason": reason]) + " " + DatasetError.fix
        case .mismatch(let message):
            return message + " " + DatasetError.fix
        }
    }

    static var fix: String { Words.shared("error.dataset.fix") }
}
