import Foundation
import NNKit

/// Where chapters write. On a terminal headings are bold and colours mark right and wrong;
/// elsewhere (a pipe, a file, a test) the same text comes plain.
public final class Console {
    public let output: any TextOutput

    public init(_ output: any TextOutput) {
        self.output = output
    }

    /// The process's standard output.
    public static var standardOutput: Console { Console(StandardOutput.shared) }

    public var isTerminal: Bool { output.isTerminal }

    /// Writes `text` and a newline.
    public func line(_ text: String = "") {
        output.write(text + "\n")
    }

    /// The columns text is wrapped to: the terminal's width, at most 100, or 80 when the output
    /// is not a terminal (a file, a pipe, a test), so that what is written does not depend on it.
    public var width: Int { output.isTerminal ? min(max(Self.terminalColumns ?? 80, 40), 100) : 80 }

    /// Writes `text` wrapped to `width` (see `TextLayout.wrapped`): for sentences from `Words`.
    public func say(_ text: String) {
        line(TextLayout.wrapped(text, width: width))
    }

    private static var terminalColumns: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A chapter-level heading, set off by a blank line.
    public func heading(_ text: String) {
        line()
        line(style(text, .bold))
        line(String(repeating: "═", count: TextLayout.displayWidth(text)))
    }

    /// A section heading within a chapter's run.
    public func section(_ text: String) {
        line()
        let title = "── \(text) "
        guard TextLayout.displayWidth(title) <= 78 else {
            // Too long for one line of 80 columns: the title wrapped, then the rule alone.
            let lines = TextLayout.wrapped(title, width: 80).split(separator: "\n")
            for part in lines { line(style(String(part), .bold)) }
            line(String(repeating: "─", count: 64))
            return
        }
        line(style(title, .bold) + String(repeating: "─", count: max(0, 60 - TextLayout.displayWidth(text))))
    }

    public enum Style: String {
        case bold = "1"
        case dim = "2"
        case green = "32"
        case red = "31"
        case cyan = "36"
    }

    /// `text` in `style` on a terminal, plain elsewhere.
    public func style(_ text: String, _ style: Style) -> String {
        isTerminal ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// ✓ in green or ✗ in red.
    public func mark(_ passed: Bool) -> String {
        passed ? style("✓", .green) : style("✗", .red)
    }
}
