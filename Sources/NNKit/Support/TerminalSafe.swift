extension String {
    /// The text with everything that could take over a terminal written as a Swift escape, for
    /// names and messages that come from a file: newlines and tabs as `\n`, `\r`, `\t`, other
    /// control characters (ESC, which starts the terminal's escape sequences; DEL; the C1
    /// controls) and the invisible marks that reorder text (bidirectional overrides, line and
    /// paragraph separators) as `\u{1B}`. Everything else, accents and other scripts included,
    /// stays as it is; a backslash stays a backslash.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.isUnsafe) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where Self.isUnsafe(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Control characters (C0, DEL, C1) and the format characters that reorder or break lines.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: return true
        // Arabic letter mark, left-to-right and right-to-left marks, line and paragraph
        // separators, embeddings and overrides, isolates.
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
