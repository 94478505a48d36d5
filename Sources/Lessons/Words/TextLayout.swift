/// Laying text out for a terminal: its width in columns (a Hangul syllable or a CJK character
/// takes two, a combining mark none, an ANSI colour code none) and wrapping to a width.
public enum TextLayout {
    /// The columns `text` takes on a terminal.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40 ... 0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
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
        if value < 0x20 || (0x7F ..< 0xA0).contains(value) { return 0 }
        if (0x0300 ... 0x036F).contains(value) || (0x1160 ... 0x11FF).contains(value) || value == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [0x1100 ... 0x115F, 0x2E80 ... 0x303E, 0x3041 ... 0x33FF, 0x3400 ... 0x4DBF,
                                           0x4E00 ... 0x9FFF, 0xA000 ... 0xA4CF, 0xAC00 ... 0xD7A3, 0xF900 ... 0xFAFF,
                                           0xFE30 ... 0xFE4F, 0xFF00 ... 0xFF60, 0xFFE0 ... 0xFFE6, 0x1F300 ... 0x1F64F,
                                           0x1F900 ... 0x1F9FF, 0x20000 ... 0x3FFFD]
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
