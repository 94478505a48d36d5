import Foundation

/// The Korean terms the texts use, each beside the English term the code uses, in
/// `content/glossary.ko.txt`: entries in the words-file form, `[key]`, then `한국어 | English`,
/// then a line or two of explanation.
public struct Glossary: Sendable {
    public struct Term: Sendable, Equatable {
        public var key: String
        public var korean: String
        public var english: String
        public var explanation: String
    }

    public var terms: [Term]

    public static let fileName = "glossary.ko.txt"

    /// Parses the glossary's text, in its order; an entry without a `한국어 | English` line is
    /// left out (a test checks there is none).
    public init(parsing text: String) {
        let words = Words(parsing: text)
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("["), line.hasSuffix("]") else { return nil }
            return String(line.dropFirst().dropLast())
        }
        terms = keys.compactMap { key in
            guard words.contains(key) else { return nil }
            let lines = words(key).split(separator: "\n", maxSplits: 1).map(String.init)
            let names = lines.first?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
            return Term(
                key: key, korean: names[0], english: names[1],
                explanation: lines.count > 1 ? lines[1].trimmingCharacters(in: .whitespacesAndNewlines) : "")
        }
    }

    /// The project's glossary.
    public static func load(from library: ContentLibrary) throws -> Glossary {
        let url = library.root.appendingPathComponent(fileName)
        do {
            return Glossary(parsing: try String(contentsOf: url, encoding: .utf8))
        } catch {
            throw LessonError.unreadable(path: url.path, reason: "it is missing or not UTF-8 text")
        }
    }

    /// The glossary as a learner reads it: each term in bold with its English, the explanation
    /// under it, indented and wrapped to the console's width.
    public func lines(console: Console) -> [String] {
        var lines: [String] = []
        for term in terms {
            lines.append(console.style(term.korean, .bold) + "  " + term.english)
            lines.append(TextLayout.wrapped("    " + term.explanation, width: console.width))
        }
        return lines
    }
}
