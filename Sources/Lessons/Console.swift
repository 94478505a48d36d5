import NNKit

/// Where chapters write. On a terminal headings are bold and colours mark right and wrong;
/// elsewhere (a pipe, a file, a test) the same text comes plain.
public final class Console {
    public let output: any TextOutput

    public init(_ output: any TextOutput) {
        self.output = output
    }

    public var isTerminal: Bool { output.isTerminal }

    /// Writes `text` and a newline.
    public func line(_ text: String = "") {
        output.write(text + "\n")
    }

    /// A chapter-level heading, set off by a blank line.
    public func heading(_ text: String) {
        line()
        line(style(text, .bold))
        line(String(repeating: "═", count: text.count))
    }

    /// A section heading within a chapter's run.
    public func section(_ text: String) {
        line()
        line(style("── \(text) ", .bold) + String(repeating: "─", count: max(0, 60 - text.count)))
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
