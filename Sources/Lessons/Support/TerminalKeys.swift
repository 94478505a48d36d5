import Foundation

/// Single key presses from the terminal, without Enter: standard input in non-canonical mode
/// with echo off while reading, restored when done (and when the process exits). Where
/// standard input is not a terminal, whole lines are read instead and their first character
/// counts as the key.
public final class TerminalKeys {
    private var original = termios()
    private let isTerminal: Bool
    private var restored = false

    public init() {
        isTerminal = isatty(STDIN_FILENO) == 1
        guard isTerminal, tcgetattr(STDIN_FILENO, &original) == 0 else { return }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutablePointer(to: &raw.c_cc) { pointer in
            pointer.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        TerminalKeys.saved = original
        atexit { TerminalKeys.restoreSaved() }
    }

    deinit { restore() }

    /// Puts the terminal back as it was.
    public func restore() {
        guard isTerminal, !restored else { return }
        restored = true
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
    }

    /// The next key pressed within `timeout`, or nil; `"\u{4}"` (end of input) when standard
    /// input has ended.
    public func next(waitingAtMost timeout: Duration) -> Character? {
        var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        if isTerminal {
            var byte: UInt8 = 0
            return read(STDIN_FILENO, &byte, 1) == 1 ? Character(Unicode.Scalar(byte)) : "\u{4}"
        }
        guard let line = readLine() else { return "\u{4}" }
        return line.trimmingCharacters(in: .whitespaces).first ?? "\n"
    }

    nonisolated(unsafe) private static var saved: termios?

    private static func restoreSaved() {
        guard var saved else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
