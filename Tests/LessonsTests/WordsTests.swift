import Foundation
import NNKit
import Testing

@testable import Lessons

/// The words a learner reads live under content/, and every one the code asks for is there.
@Suite("Words in content/")
struct WordsTests {
    @Test(
        "Every chapter's title, abstract and exercise titles and hints are in its words file",
        arguments: Catalog.chapters.map(\.number))
    func chapterWords(number: Int) throws {
        let chapter = try #require(Catalog.chapter(number))
        let file = "content/\(chapter.folderName)/\(Words.fileName)"
        var keys = ["title", "abstract"]
        for index in chapter.exerciseSlugs.indices {
            keys += ["exercise.\(index + 1).title", "exercise.\(index + 1).hint", "exercise.\(index + 1).more"]
        }
        for key in keys {
            #expect(chapter.words.contains(key), "\(file) has no [\(key)]")
            #expect(
                !chapter.words(key).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "\(file): [\(key)] is empty")
        }
    }

    @Test(
        "Every hint and title, wrapped at 80 columns, has no longer line and no stray backslash",
        arguments: Catalog.chapters.flatMap(\.exercises).map(\.id))
    func hintsFit(id: String) throws {
        let exercise = try #require(Catalog.chapters.flatMap(\.exercises).first { $0.id == id })
        #expect(exercise.hint != exercise.moreHint, "\(id): the nudge and the stronger hint are the same")
        for text in HintText.lines(for: exercise, file: "exercises/\(exercise.fileName)", more: true) + [exercise.title]
        {
            for line in TextLayout.wrapped(text, width: 80).split(separator: "\n") {
                #expect(TextLayout.displayWidth(line) <= 80, "\(id): \(line)")
            }
            #expect(!text.contains("\\"), "\(id) has a stray backslash: \(text)")
            #expect(!text.contains("⟨"), "\(id) asks for a missing word: \(text)")
        }
    }

    @Test("A words file: keys, multi-line texts, placeholders, and a gap shown as its key")
    func parsing() {
        let words = Words(
            parsing: """
                ignored before the first key
                [title]
                The title

                [run.intro]
                Line one with {count} epochs.

                Line three, {name}.

                """)
        #expect(words("title") == "The title")
        #expect(words("run.intro", ["count": "5", "name": "Ada"]) == "Line one with 5 epochs.\n\nLine three, Ada.")
        #expect(words("run.missing") == "⟨run.missing⟩")
        #expect(!words.contains("ignored"))
    }

    @Test(
        "Wrapping counts display columns: Hangul is two wide, colour codes none",
        arguments: [("가나다", 6), ("abc", 3), ("\u{1B}[1mbold\u{1B}[0m", 4), ("é", 1), ("e\u{301}", 1)])
    func displayWidth(text: String, width: Int) {
        #expect(TextLayout.displayWidth(text) == width)
    }

    @Test("A long line breaks at spaces and keeps its indentation")
    func wrapping() {
        let text = "  " + Array(repeating: "word", count: 30).joined(separator: " ")
        let lines = TextLayout.wrapped(text, width: 40).split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 40 && $0.hasPrefix("  word") })
        #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
        #expect(
            TextLayout.wrapped("한국어 " + String(repeating: "가", count: 50), width: 40).split(separator: "\n").count == 2)
    }
}

@Suite("lesson list")
struct ChapterListTests {
    @Test(
        "Every chapter and exercise is listed, passes are marked, the optional chapter says so, and no line passes 80 columns"
    )
    func list() {
        let exercises = Catalog.chapters.flatMap(\.exercises)
        let progress = Progress(passed: [exercises[0].id])
        let lines = ChapterList.lines(progress: progress, console: Console(CapturedOutput()))
        for line in lines { #expect(TextLayout.displayWidth(line) <= 80, "\(line)") }
        for chapter in Catalog.chapters { #expect(lines.contains { $0.contains(chapter.title) }) }
        for exercise in exercises {
            let mark = exercise == exercises[0] ? "✓" : "·"
            #expect(lines.contains("       \(mark) \(exercise.id)  \(exercise.title)"), "\(exercise.id)")
        }
        #expect(lines.contains { $0.hasSuffix("1/\(Catalog.chapters[0].exercises.count) passed") })
        for chapter in Catalog.chapters {
            let head = lines.first { $0.hasPrefix("  \(chapter.number)  \(chapter.title)") } ?? ""
            #expect(head.contains("(optional)") == chapter.isOptional, "chapter \(chapter.number): '\(head)'")
        }
    }
}

@Suite("No sentence in a chapter's code")
struct ChapterCodeTests {
    static let chapters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Lessons/Chapters")

    /// String literals of three words or more (interpolations aside) outside comments: sentences
    /// that belong in the chapter's words file. Keys (`run.summary.row`) are not sentences.
    static func sentences(in source: String) -> [String] {
        var found: [String] = []
        for line in source.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            for match in line.matches(of: /"((?:[^"\\]|\\.)*)"/) {
                let literal = String(match.1)
                // A key (`run.data.perClass`, `run.setting.\(name).heading`) has no spaces.
                if literal.wholeMatch(of: /[A-Za-z0-9_.{}\-]+/) != nil
                    || !literal.contains(" ") && literal.contains(".")
                {
                    continue
                }
                let text = literal.replacing(/\\\([^)]*\)/, with: "")
                if text.matches(of: /[A-Za-z]{2,}/).count >= 3 { found.append(literal) }
            }
        }
        return found
    }

    @Test("Every chapter's run takes its words from content/, not from string literals")
    func noSentences() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.chapters.path)
        where name.hasSuffix(".swift") {
            let source = try String(contentsOf: Self.chapters.appendingPathComponent(name), encoding: .utf8)
            let found = Self.sentences(in: source)
            #expect(found.isEmpty, "\(name) says in code what belongs in its words file: \(found.prefix(5))")
        }
    }

    @Test("The scan finds a sentence and passes over keys and interpolations")
    func scanner() {
        #expect(Self.sentences(in: #"console.line("Where the model goes wrong")"#) == ["Where the model goes wrong"])
        #expect(Self.sentences(in: #"console.line(words("run.summary.row", ["a": "\(x)"]))"#).isEmpty)
        #expect(Self.sentences(in: #"// console.line("a comment says things")"#).isEmpty)
    }
}
