public enum GradingError: Error, CustomStringConvertible, Equatable {
    case missingFile(String)
    case toolchain(String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path) is missing. 'lesson reset' with the exercise's number restores the original."
        case .toolchain(let message):
            return message
        }
    }
}
