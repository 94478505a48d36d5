#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where training writes its progress: the terminal, or anything that collects text.
public protocol TextOutput: AnyObject {
    /// Writes `text` as it is (no newline is added).
    func write(_ text: String)
    /// True when the text goes to an interactive terminal, where a progress bar may redraw
    /// its line; false for a file, a pipe or a test.
    var isTerminal: Bool { get }
    /// How many columns a line may take: the terminal's width, or 80 elsewhere.
    var columns: Int { get }
}

extension TextOutput {
    public var columns: Int { 80 }
}

/// The process's standard output.
public final class StandardOutput: TextOutput, Sendable {
    public static let shared = StandardOutput()
    public let isTerminal: Bool

    private init() {
        isTerminal = isatty(STDOUT_FILENO) == 1
    }

    /// The terminal's width (at least 40), or 80 when the output is not a terminal, so that what
    /// is written to a file does not depend on the window it was started from.
    public var columns: Int {
        var size = winsize()
        guard isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return max(Int(size.ws_col), 40)
    }

    public func write(_ text: String) {
        var remaining = Array(text.utf8)[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { systemWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { return } // a closed pipe: nothing more can be shown
            remaining = remaining.dropFirst(written)
        }
    }
}

/// Collects everything written, for tests and for callers that print later.
public final class CapturedOutput: TextOutput {
    public private(set) var text = ""
    public let isTerminal: Bool

    public init(isTerminal: Bool = false) {
        self.isTerminal = isTerminal
    }

    public func write(_ text: String) {
        self.text += text
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    private let systemWrite = Musl.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
