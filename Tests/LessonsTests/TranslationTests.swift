import Foundation
import Testing

@testable import Lessons

/// Korean is a language of the whole playground: every text has its Korean version, with the
/// same placeholders, and the glossary the texts follow is complete.
@Suite("Korean texts")
struct TranslationTests {
    static let library = ContentLibrary.current

    /// Every folder with words: the shared one ("") and each chapter's.
    static let folders = [""] + Catalog.chapters.map(\.folderName)

    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[A-Za-z0-9_]+\}/).map { String($0.output) })
    }

    @Test(
        "Every words file has a Korean one with every key, each with the English placeholders",
        arguments: folders)
    func words(folder: String) throws {
        let english = try #require(Words.file(folder, language: .english), "content/\(folder) has no words.txt")
        let name = "content/\(folder.isEmpty ? "" : folder + "/")words.ko.txt"
        let korean = try #require(Words.file(folder, language: .korean), "\(name) is missing")
        let missing = english.entries.keys.filter { !korean.contains($0) }.sorted()
        #expect(missing.isEmpty, "\(name) lacks \(missing.count) keys: \(missing)")
        let extra = korean.entries.keys.filter { !english.contains($0) }.sorted()
        #expect(extra.isEmpty, "\(name) has keys English lacks (renamed?): \(extra)")
        for (key, text) in english.entries.sorted(by: { $0.key < $1.key }) where korean.contains(key) {
            #expect(
                Self.placeholders(korean(key)) == Self.placeholders(text),
                "\(name) [\(key)]: placeholders \(Self.placeholders(korean(key)).sorted()) but English has \(Self.placeholders(text).sorted())"
            )
        }
    }

    @Test(
        "Every chapter has its text in Korean, with the same sections and code blocks",
        arguments: Catalog.chapters.map(\.number))
    func chapterText(number: Int) throws {
        let chapter = try #require(Catalog.chapter(number))
        let library = try #require(Self.library)
        let englishPath = library.textPath(for: chapter, language: .english)
        let koreanPath = library.textPath(for: chapter, language: .korean)
        #expect(koreanPath != englishPath, "content/\(chapter.folderName)/chapter.ko.md is missing")
        guard koreanPath != englishPath else { return }
        let english = try String(contentsOf: englishPath, encoding: .utf8)
        let korean = try String(contentsOf: koreanPath, encoding: .utf8)
        func sections(_ text: String) -> Int { text.split(separator: "\n").filter { $0.hasPrefix("## ") }.count }
        func codeBlocks(_ text: String) -> [String] {
            text.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
        #expect(
            sections(korean) == sections(english),
            "chapter \(number): \(sections(korean)) sections in Korean, \(sections(english)) in English")
        #expect(codeBlocks(korean) == codeBlocks(english), "chapter \(number): the code blocks differ from the English")
        // As 'lesson N' shows it on an 80-column terminal: paragraphs reflowed, code as written.
        for (language, text) in [("English", english), ("Korean", korean)] {
            let shown = ChapterText(markdown: text).sections.map { TextLayout.reflowed(markdown: $0.body, width: 80) }
            let wide = shown.flatMap { Self.proseLines($0) }.filter { TextLayout.displayWidth($0) > 80 }
            #expect(wide.isEmpty, "chapter \(number), \(language): lines over 80 columns: \(wide)")
        }
    }

    /// The lines of a chapter's Markdown outside its code blocks.
    static func proseLines(_ text: String) -> [String] {
        var inCode = false
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if !inCode { lines.append(String(line)) }
        }
        return lines
    }

    @Test("The glossary has every term the courses use, each with its English")
    func glossary() throws {
        let library = try #require(Self.library)
        let glossary = try Glossary.load(from: library)
        let required = [
            "인공 신경망", "퍼셉트론", "은닉층", "활성화 함수", "손실 함수", "옵티마이저", "학습률", "에포크", "배치",
            "검증 세트", "과대적합", "과소적합", "드롭아웃", "조기 종료", "배치 정규화", "데이터 증강", "합성곱", "풀링",
            "전이 학습",
        ]
        let terms = Set(glossary.terms.map(\.korean))
        #expect(
            required.filter { !terms.contains($0) }.isEmpty,
            "missing from the glossary: \(required.filter { !terms.contains($0) })")
        let text = try String(contentsOf: library.root.appendingPathComponent(Glossary.fileName), encoding: .utf8)
        let entries = text.split(separator: "\n").filter { $0.hasPrefix("[") }.count
        #expect(glossary.terms.count == entries, "every glossary entry needs a 한국어 | English line")
    }

    @Test("The language comes from --lang, else LESSON_LANG, else a ko_* locale in LC_ALL or LANG")
    func choosing() {
        #expect(Language.fromEnvironment([:]) == .english)
        #expect(Language.fromEnvironment(["LANG": "ko_KR.UTF-8"]) == .korean)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"]) == .english)
        #expect(Language.fromEnvironment(["LESSON_LANG": "ko", "LANG": "en_US.UTF-8"]) == .korean)
        #expect(Language.fromEnvironment(["LESSON_LANG": "en", "LANG": "ko_KR.UTF-8"]) == .english)
        #expect(Language(code: "fr") == nil)
        #expect(
            Language.$override.withValue(.korean) { LogicGates().title }
                != Language.$override.withValue(.english) { LogicGates().title })
    }
}
