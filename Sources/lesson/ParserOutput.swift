import Lessons

/// What ArgumentParser prints (help, and errors with their usage lines) in a language other
/// than English: taken unwrapped, its phrases translated (`ParserWords`), and wrapped again by
/// display width, since ArgumentParser counts characters and a Hangul syllable takes two
/// columns. The layout stays ArgumentParser's: options' descriptions in a column from 26, each
/// section as it was.
enum ParserOutput {
    /// A width at which ArgumentParser wraps nothing, so that each of its phrases stays on one line.
    static let unwrapped = 100_000

    /// Where ArgumentParser starts an option's description.
    static let labelColumn = 26

    /// `text`, as ArgumentParser wrote it at `unwrapped` columns, in `language` and wrapped to
    /// `width` columns. English comes back unchanged.
    static func localized(_ text: String, width: Int, language: Language = Language.current) -> String {
        guard language != .english else { return text }
        let words = ParserWords(language: language)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let continuation = String(repeating: " ", count: labelColumn)
        var output: [String] = []
        var inSection = false
        var usageIndent: Int?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isEmpty {
                inSection = false
                usageIndent = nil
                output.append(line)
            } else if line.wholeMatch(of: /[A-Z][A-Z ]*:/) != nil {
                // A section's heading: ARGUMENTS:, OPTIONS:, SUBCOMMANDS:.
                inSection = true
                output.append(words(line))
            } else if inSection && line.hasPrefix("  ") {
                // An element: its label, then its description at column 26, or on the next
                // line when the label is too long.
                var label = String(line.dropFirst(2))
                var description = ""
                if index < lines.count, lines[index].hasPrefix(continuation) {
                    description = String(lines[index].dropFirst(labelColumn))
                    index += 1
                } else if line.count > labelColumn, line.dropFirst(labelColumn - 1).first == " " {
                    label = String(line.prefix(labelColumn).dropFirst(2))
                    description = String(line.dropFirst(labelColumn))
                }
                output += element(words(label.trimmingCharacters(in: .whitespaces)), words(description), width: width)
            } else if let usage = ["USAGE: ", "Usage: "].first(where: { line.hasPrefix($0) }) {
                // Usage lines stay whole, as ArgumentParser prints them; the lines under the
                // first move to the width of the translated heading.
                usageIndent = TextLayout.displayWidth(words(usage))
                output.append(words(line))
            } else if let indent = usageIndent, line.hasPrefix(String(repeating: " ", count: 7)) {
                output.append(String(repeating: " ", count: indent) + words(line.trimmingCharacters(in: .whitespaces)))
            } else {
                // Text: the overview and discussion, an error and its help line. Each wraps
                // under its own indentation, or after `Error: ` and `Help:  ` in their lines.
                let translated = words(line)
                let hanging =
                    ["Error: ", "Help:  "].map { words($0) }.first(where: { translated.hasPrefix($0) })
                    .map { TextLayout.displayWidth($0) } ?? line.prefix { $0 == " " }.count
                output += wrapped(translated, first: "", hanging: hanging, width: width)
            }
        }
        return output.joined(separator: "\n")
    }

    /// An option, argument or command of a help section, with its description wrapped in the
    /// description column.
    static func element(_ label: String, _ description: String, width: Int) -> [String] {
        let head = "  " + label
        guard !description.isEmpty else { return [head] }
        let headWidth = TextLayout.displayWidth(head)
        if headWidth < labelColumn {
            return wrapped(
                description, first: head + String(repeating: " ", count: labelColumn - headWidth),
                hanging: labelColumn, width: width)
        }
        return [head]
            + wrapped(
                description, first: String(repeating: " ", count: labelColumn),
                hanging: labelColumn, width: width)
    }

    /// `text` after `first` on the first line, and `hanging` columns in on the next ones, broken
    /// at spaces to fit `width` columns. A quoted span (`'lesson help chapter'`) is not broken
    /// unless it alone is wider than a line.
    static func wrapped(_ text: String, first: String, hanging: Int, width: Int) -> [String] {
        let indent = String(text.prefix { $0 == " " })
        let room = max(width - hanging, 1)
        var lines: [String] = []
        var line = first + indent
        var lineHasWord = false
        for word in words(of: text.dropFirst(indent.count), room: room) {
            let candidate = lineHasWord ? line + " " + word : line + word
            if lineHasWord && TextLayout.displayWidth(candidate) > width {
                lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
                line = String(repeating: " ", count: hanging) + word
            } else {
                line = candidate
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// The words of `text` between spaces, except that these stay together when they fit in
    /// `room` columns: a quoted span (`'lesson help chapter'`), a span in parentheses that starts
    /// a word (`(기본값: 42)`), and a short label ending in a colon with what it introduces (`예: 1.2`).
    static func words(of text: Substring, room: Int) -> [String] {
        func isOpen(_ span: String) -> Bool {
            if span.filter({ $0 == "'" }).count % 2 == 1 { return true }
            if span.hasPrefix("("), span.filter({ $0 == "(" }).count > span.filter({ $0 == ")" }).count { return true }
            return span.hasSuffix(":") && TextLayout.displayWidth(span) <= 4
        }
        var words: [String] = []
        var open: [Substring] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            // A second space (`--seed <seed>  The seed…`) stays with the word before it.
            if word.isEmpty, open.isEmpty, let last = words.popLast() {
                words.append(last + " ")
                continue
            }
            open.append(word)
            let span = open.joined(separator: " ")
            if TextLayout.displayWidth(span) > room {
                words += open.map(String.init)
                open = []
            } else if !isOpen(span) {
                words.append(span)
                open = []
            }
        }
        words += open.map(String.init)
        return words
    }
}
