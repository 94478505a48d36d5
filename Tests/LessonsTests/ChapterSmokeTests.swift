import Foundation
@testable import Lessons
import NNKit
import Testing

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
        context.preloaded = try #require(data, "Fashion-MNIST is not installed (scripts/install-system-packages)")
        let result = try chapter.run(context)
        return (result, output.text)
    }

    static func twice<C: Chapter>(_ chapter: C) throws -> (same: Bool, text: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smoke-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try smallRun(chapter, folder: folder)
        let second = try smallRun(chapter, folder: folder)
        return (first.result == second.result, first.text)
    }

    @Test("A small run, twice", arguments: Catalog.chapters.map(\.number))
    func smallRuns(number: Int) throws {
        let chapter: any Chapter = try #require(Catalog.chapter(number))
        let outcome = try Self.twice(chapter)
        #expect(outcome.same, "chapter \(number): the same seed gave another result")
        #expect(!outcome.text.contains("⟨"), "chapter \(number) asks for words its content lacks:\n\(outcome.text)")
        #expect(outcome.text.contains(chapter.title))
    }
}
