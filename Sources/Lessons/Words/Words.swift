import Foundation
import Synchronization

/// The sentences a learner reads, kept under `content/` and looked up by key: a chapter's title,
/// abstract, exercise titles and hints, and what its run says around the numbers. Code keeps
/// numbers and structure only, so a text can be corrected, or translated, without touching it.
///
/// A words file (`content/NN-slug/words.txt`) is a list of entries, each a `[key]` line and the
/// text under it up to the next key. `{name}` in a text is filled in by the caller:
///
/// ```
/// [title]
/// Perceptron logic gates
///
/// [run.summary.next]
/// Next: 'lesson {next} run' asks the same neuron for XOR.
/// ```
public struct Words: Sendable, Equatable {
    public private(set) var entries: [String: String] = [:]

    public init(entries: [String: String] = [:]) {
        self.entries = entries
    }

    /// Parses a words file's text.
    public init(parsing text: String) {
        var key: String?
        var lines: [Substring] = []
        func finish() {
            guard let key else { return }
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            entries[key] = lines.joined(separator: "\n")
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let next = Self.key(in: line) {
                finish()
                key = next
                lines = []
            } else if key != nil {
                lines.append(line)
            }
        }
        finish()
    }

    /// `title` for the line `[title]`; nil for any other line.
    private static func key(in line: Substring) -> String? {
        guard line.hasPrefix("["), line.hasSuffix("]"), line.count > 2 else { return nil }
        let name = line.dropFirst().dropLast()
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        return allowed ? String(name) : nil
    }

    /// The text under `key`, with each `{name}` of `values` filled in. A missing key reads as
    /// `⟨key⟩`, so that a gap shows rather than crashes (a test lists every gap).
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        guard var text = entries[key] else { return "⟨\(key)⟩" }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public func contains(_ key: String) -> Bool {
        entries[key] != nil
    }
}

extension Words {
    /// The file name in each chapter's content folder.
    public static let fileName = "words.txt"

    /// The words of the chapter in `content/<folder>/`, in the current language (Korean entries
    /// from `words.ko.txt` over the English of `words.txt`, which fills any gap), read once per
    /// process and language; empty when the content cannot be found (every lookup then shows
    /// its key).
    public static func chapter(_ folder: String) -> Words {
        chapter(folder, language: Language.current)
    }

    /// The words of `content/<folder>/` in `language`, English filling its gaps.
    public static func chapter(_ folder: String, language: Language) -> Words {
        let key = folder + "|" + language.rawValue
        return cache.withLock { cache in
            if let words = cache[key] { return words }
            var words = file(folder, language: .english) ?? Words()
            if language != .english, let translated = file(folder, language: language) {
                words.entries.merge(translated.entries) { _, new in new }
            }
            cache[key] = words
            return words
        }
    }

    /// Only the entries of one language's file, nil when it does not exist.
    public static func file(_ folder: String, language: Language) -> Words? {
        let name = "words" + language.fileSuffix + ".txt"
        let url = ContentLibrary.current?.root.appendingPathComponent(folder).appendingPathComponent(name)
        return url.flatMap { try? String(contentsOf: $0, encoding: .utf8) }.map(Words.init(parsing:))
    }

    /// The words every chapter shares (`content/words.txt`): pictures' legends, table headers.
    public static var shared: Words { chapter("") }

    private static let cache = Mutex<[String: Words]>([:])
}
