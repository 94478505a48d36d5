import Foundation

/// A grader's English descriptions (`given`, and `expected` / `got` when they are phrases)
/// in another language, from `N.M-slug.check.ko.txt` beside the check: entries of an `=` line,
/// the English with `{}` where the check interpolated a value, and a `>` line, the translation
/// with the same `{}` in order. A text no entry matches is shown as the check wrote it.
public struct CheckTranslation: Sendable {
    struct Entry: Sendable {
        /// The English split at its `{}`s.
        var pieces: [String]
        var translation: String
    }

    var entries: [Entry] = []
    /// English needs no table: texts are shown as the checks wrote them.
    var isEnglish = false

    public init(parsing text: String) {
        var english: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("= ") {
                english = String(line.dropFirst(2))
            } else if line.hasPrefix("> "), let source = english {
                entries.append(
                    Entry(pieces: source.components(separatedBy: "{}"), translation: String(line.dropFirst(2))))
                english = nil
            }
        }
    }

    /// The table for `exercise` in `language`; empty for English or when there is none.
    public static func load(for exercise: Exercise, in project: Project, language: Language = .current)
        -> CheckTranslation
    {
        guard language != .english else {
            var english = CheckTranslation(parsing: "")
            english.isEnglish = true
            return english
        }
        let url = project.chapterFolder(exercise)
            .appendingPathComponent("\(exercise.id)-\(exercise.slug).check\(language.fileSuffix).txt")
        return CheckTranslation(parsing: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }

    /// `text` translated: first the suffix ExerciseKit adds to a given for the first differing
    /// element, then the check's own description.
    public func translate(_ text: String) -> String {
        guard !isEnglish else { return text }
        let words = Words.shared
        if let match = text.wholeMatch(of: /(.*), at index (\d+) \(counting from 0\)/) {
            return words("kit.atIndex", ["given": translateWhole(String(match.1)), "index": String(match.2)])
        }
        if let match = text.wholeMatch(of: /(.*), at row (\d+), column (\d+) \(counting from 0\)/) {
            return words(
                "kit.atCell",
                [
                    "given": translateWhole(String(match.1)), "row": String(match.2),
                    "column": String(match.3),
                ])
        }
        if let match = text.wholeMatch(of: /an array of (\d+) values?/) {
            return words("kit.array", ["count": String(match.1)])
        }
        if let match = text.wholeMatch(of: /it threw (.*)/) {
            return words("kit.threw", ["error": String(match.1)])
        }
        if let key = Self.kitPhrases[text] { return words(key) }
        if let match = text.wholeMatch(of: /a (\d+) × (\d+) matrix/) {
            return words("kit.matrix", ["rows": String(match.1), "columns": String(match.2)])
        }
        return translateWhole(text)
    }

    /// ExerciseKit's own fixed phrases (see `ExerciseCheck.main`), by their English.
    static let kitPhrases = [
        "running the exercise": "kit.running", "no error": "kit.noError",
        "the check to call your code": "kit.checkCallsYou", "nothing (nil)": "kit.nil",
        "your code called main() of an ExerciseCheck itself": "kit.calledMain",
    ]

    /// The first entry whose English matches all of `text`, its `{}`s filled with what they
    /// matched; `text` itself when none does.
    func translateWhole(_ text: String) -> String {
        for entry in entries {
            guard let values = Self.match(text, pieces: entry.pieces) else { continue }
            var result = ""
            var rest = Substring(entry.translation)
            for value in values {
                guard let hole = rest.range(of: "{}") else { break }
                result += rest[..<hole.lowerBound] + value
                rest = rest[hole.upperBound...]
            }
            return result + rest
        }
        return text
    }

    /// What the holes between `pieces` matched in `text`, shortest first; nil when it does not fit.
    static func match(_ text: String, pieces: [String]) -> [String]? {
        guard let first = pieces.first, text.hasPrefix(first) else { return nil }
        if pieces.count == 1 { return text == first ? [] : nil }
        var rest = text.dropFirst(first.count)
        var values: [String] = []
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            if isLast {
                guard rest.hasSuffix(piece), rest.count >= piece.count else { return nil }
                values.append(String(rest.dropLast(piece.count)))
                return values
            }
            guard let found = piece.isEmpty ? rest.startIndex..<rest.startIndex : rest.range(of: piece) else {
                return nil
            }
            values.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        return values
    }
}
