import Foundation
import NNKit
import Testing

@testable import Lessons

/// Every chapter, run small (one epoch, the first 2,000 images of each set): it finishes, asks
/// for no word its content lacks, and the same seed gives the same result. The full runs and
/// their numbers are measured by hand (see the chapters' texts); this keeps every code path alive.
@Suite("Every chapter runs small, the same for the same seed", .serialized)
struct ChapterSmokeTests {
    static let data: FashionMNIST? = try? FashionMNIST.load(from: FashionMNIST.directory(option: nil))

    static func smallRun<C: Chapter>(_ chapter: C, folder: URL) throws -> (result: C.Result, text: String) {
        let output = CapturedOutput()
        var context = ChapterContext(console: Console(output), seed: 42, outputDirectory: folder)
        context.epochLimit = 1
        context.sampleLimit = 2_000
        let data: FashionMNIST = try #require(data, "Fashion-MNIST is not installed (scripts/install-system-packages)")
        context.preloaded = data
        let result = try chapter.run(context)
        return (result, output.text)
    }

    /// The chapter run small in English, then in Korean: the same seed must give the same
    /// figures in both (the words change, never the numbers).
    static func inBothLanguages<C: Chapter>(_ chapter: C) throws -> (same: Bool, english: String, korean: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smoke-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try Language.$override.withValue(.english) { try smallRun(chapter, folder: folder) }
        let korean = try Language.$override.withValue(.korean) { try smallRun(chapter, folder: folder) }
        return (english.result == korean.result, english.text, korean.text)
    }

    /// The lines of `text` wider than 80 terminal columns, leaving out `fit`'s progress lines
    /// (what Keras prints, as long as Keras's) and lines naming the test's temporary folder
    /// (a long path no learner's `out/` has).
    static func wideLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
            .filter { TextLayout.displayWidth($0) > 80 && !$0.contains("/step - ") && !$0.contains("/smoke-") }
    }

    @Test(
        "A small run in English and in Korean: the same figures, every word found, 80 columns",
        arguments: Catalog.chapters.map(\.number))
    func smallRuns(number: Int) throws {
        let chapter: any Chapter = try #require(Catalog.chapter(number))
        let outcome = try Self.inBothLanguages(chapter)
        #expect(outcome.same, "chapter \(number): the same seed gave another result in Korean")
        for (name, text) in [("English", outcome.english), ("Korean", outcome.korean)] {
            #expect(!text.contains("⟨"), "chapter \(number) asks for words its content lacks (\(name)):\n\(text)")
            #expect(
                Self.wideLines(text).isEmpty,
                "chapter \(number), \(name): lines over 80 columns: \(Self.wideLines(text))")
        }
        #expect(outcome.english.contains(Language.$override.withValue(.english) { chapter.title }))
        #expect(outcome.korean.contains(Language.$override.withValue(.korean) { chapter.title }))
    }
}
