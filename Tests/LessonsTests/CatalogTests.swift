import Foundation
import Testing

@testable import Lessons

@Suite("Catalog and content agree")
struct CatalogTests {
    /// The project's content/, found from this file's place in the tree.
    static let library = ContentLibrary(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content"))

    @Test("Chapters are listed in course order, each number once; only the warm-up, 0, is optional")
    func numbering() {
        let numbers = Catalog.chapters.map(\.number)
        #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
        #expect(Catalog.chapters.filter(\.isOptional).map(\.number) == [0])
        // Numbers follow the course, so a later chapter may come before the ones between.
        #expect(Catalog.range == "0 to 13")
        #expect(Catalog.spoken([0, 1, 2, 8, 12, 13]) == "0 to 2, 8 and 12 to 13")
        #expect(Catalog.spoken([4]) == "4")
    }

    @Test("Every chapter has its content folder with a titled text of several sections")
    func everyChapterHasText() throws {
        for chapter in Catalog.chapters {
            let path = CatalogTests.library.textPath(for: chapter).path
            #expect(
                FileManager.default.fileExists(atPath: path),
                "Chapter \(chapter.number) needs \(path): create content/\(chapter.folderName)/chapter.md")
            let text = try CatalogTests.library.text(for: chapter)
            #expect(!text.title.isEmpty, "content/\(chapter.folderName)/chapter.md needs a '# ' title line")
            #expect(text.sections.count >= 3, "chapter \(chapter.number)'s text has \(text.sections.count) sections")
            #expect(text.sections.allSatisfy { !$0.body.isEmpty })
        }
    }

    @Test("Every content folder belongs to a chapter in the catalog")
    func everyFolderHasChapter() {
        let expected = Set(Catalog.chapters.map(\.folderName))
        for folder in CatalogTests.library.folderNames() {
            #expect(
                expected.contains(folder),
                "content/\(folder) matches no chapter: rename it to one of \(expected.sorted()) or add its chapter to Catalog.chapters"
            )
        }
    }

    @Test("Sections split at '## ' headings, not inside code blocks")
    func sections() {
        let text = ChapterText(
            markdown: """
                # Title
                Opening words.
                ## First
                One.
                ```
                ## not a heading
                ```
                ## Second
                Two.
                """)
        #expect(text.title == "Title")
        #expect(text.sections.map(\.heading) == ["", "First", "Second"])
        #expect(text.sections[1].body.contains("## not a heading"))
    }

    @Test("The content folder is found from a working directory inside the project")
    func locate() throws {
        let inside = CatalogTests.library.root.appendingPathComponent("01-logic-gates").path
        let found = try ContentLibrary.locate(environment: [:], workingDirectory: inside, executable: "")
        #expect(found.root.standardizedFileURL.path == CatalogTests.library.root.standardizedFileURL.path)
        #expect(throws: LessonError.self) {
            try ContentLibrary.locate(environment: [:], workingDirectory: "/", executable: "")
        }
    }
}
