/// Laying text out for a terminal: its width in columns (a Hangul syllable or a CJK character
/// takes two, a combining mark none, an ANSI colour code none) and wrapping to a width.
public enum TextLayout {
    /// The columns `text` takes on a terminal.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            width += columns(of: scalar)
        }
        return width
    }

    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if (0x0300...0x036F).contains(value) || (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// `text` with every line longer than `width` columns broken at spaces; a broken line's
    /// continuation keeps its indentation. A word longer than the width stays whole.
    public static func wrapped(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard displayWidth(line) > width else { return String(line) }
            let indent = String(line.prefix { $0 == " " })
            var lines: [String] = []
            var current = indent
            for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true) {
                let candidate = current == indent ? current + word : current + " " + word
                if displayWidth(candidate) > width && current != indent {
                    lines.append(current)
                    current = indent + word
                } else {
                    current = candidate
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension TextLayout {
    /// A chapter's Markdown laid out for a terminal `width` columns wide: each paragraph and
    /// list item joined and wrapped again (a list item's lines hang under its text), while code
    /// blocks, indented blocks and tables keep their lines exactly. The files can be written at
    /// any width, in any language; what is shown fits the terminal.
    public static func reflowed(markdown: String, width: Int) -> String {
        var output: [String] = []
        var paragraph: (first: String, hanging: String, words: [Substring])?
        func flush() {
            guard let open = paragraph else { return }
            var line = open.first
            var lineHasWord = false
            for word in open.words {
                let candidate = lineHasWord ? line + " " + word : line + word
                if lineHasWord && displayWidth(candidate) > width {
                    output.append(line)
                    line = open.hanging + word
                } else {
                    line = candidate
                }
                lineHasWord = true
            }
            output.append(line)
            paragraph = nil
        }
        var inCode = false
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                flush()
                inCode.toggle()
                output.append(line)
                continue
            }
            if inCode {
                output.append(line)
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
                output.append("")
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            if let marker = line.firstMatch(of: /^( *)([-*]|\d+\.) +/) {
                // A list item: its text hangs under the first word after the marker.
                flush()
                let prefix = String(line[marker.range])
                paragraph = (
                    prefix, String(repeating: " ", count: prefix.count),
                    line[marker.range.upperBound...].split(separator: " ")
                )
            } else if paragraph != nil && indent < 4 {
                paragraph?.words += trimmed.split(separator: " ")
            } else if indent >= 4 || trimmed.hasPrefix("|") || trimmed.hasPrefix(">") {
                // Indented blocks (formulas, program output) and tables stay as written.
                flush()
                output.append(line)
            } else {
                paragraph = (
                    String(repeating: " ", count: indent), String(repeating: " ", count: indent),
                    trimmed.split(separator: " ")
                )
            }
        }
        flush()
        return output.joined(separator: "\n")
    }
}
