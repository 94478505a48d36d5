public enum GradingError: Error, CustomStringConvertible, Equatable {
    case missingFile(String)
    case toolchain(String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return Words.shared("error.exerciseMissing", ["path": path])
        case .toolchain(let message):
            return message
        }
    }
}
