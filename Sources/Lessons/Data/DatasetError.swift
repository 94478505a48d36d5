/// A dataset that cannot be used, said with the file, the problem and the fix.
public enum DatasetError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, reason: String)
    case corrupt(String, reason: String)
    case mismatch(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason). " + DatasetError.fix
        case .corrupt(let path, let reason):
            return "\(path) is not a usable Fashion-MNIST file: \(reason). " + DatasetError.fix
        case .mismatch(let message):
            return message + " " + DatasetError.fix
        }
    }

    static let fix = "The dataset comes from the Debian package dataset-fashion-mnist "
        + "('sudo apt-get install --reinstall dataset-fashion-mnist' restores it), or give another "
        + "folder with --data DIR or FASHION_MNIST_DIR."
}
