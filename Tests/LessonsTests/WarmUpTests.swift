import Foundation
import NNKit
import Testing

@testable import Lessons

/// Chapter 0, the optional Swift warm-up: every Swift line its run prints gives what the chapter
/// says it gives, and everything it shows fits 80 columns.
@Suite("Chapter 0: Swift for Python programmers")
struct WarmUpTests {
    static func run() throws -> (result: SwiftWarmUp.Result, text: String) {
        let output = CapturedOutput()
        let result = try SwiftWarmUp().run(ChapterContext(console: Console(output), seed: 42))
        return (result, output.text)
    }

    @Test("Each snippet gives the value its comment shows")
    func snippets() throws {
        let result = try Self.run().result
        // xs = [1, 2, 3, 4], ws = [0.5, −1, 2, 0]: (1 + 2 + 3 + 4) / 4 = 2.5; 0.5 − 2 + 6 + 0 = 4.5.
        #expect(result.mean == 2.5)
        #expect(result.squares == [1, 4, 9, 16])
        #expect(result.aboveTwo == [3, 4])
        #expect(result.dot == 4.5)
        #expect(result.floatDivision == 3.5)
        #expect(result.integerDivision == 3)
        #expect(result.steps == [0, 4, 8])
        #expect(result.zeros == [0, 0, 0])
        // A struct's copy is its own; a class is shared; an array is a struct.
        #expect(result.structOriginal == 0 && result.structCopy == 1)
        #expect(result.classOriginal == 1)
        #expect(result.arrayOriginal == 4 && result.arrayCopy == 5)
        #expect(result.sortedDescending == [4, 3, 2, 1])
        #expect(result.shifted == [0, 0, 1, 2])
        #expect(result.emptyMaximum == nil)
        #expect(result.maximumOrZero == 4)
        // 2^24 + 1 = 16,777,217 is the first whole number a Float's 24-bit significand misses.
        #expect(result.asFloat == 16_777_216)
        #expect(result.asDouble == 16_777_217)
        #expect(result.floatBytes == 4 && result.doubleBytes == 8)
    }

    @Test(
        "The run prints each Python line with the Swift beside it and what that gave",
        arguments: [
            "  Python  sum(xs) / len(xs)                  # 2.5",
            "  Swift   xs.reduce(0, +) / Float(xs.count)  // 2.5",
            "  Swift   7 / 2   // 3",
            "  Swift   var a = CounterStruct(); var b = a; b.count += 1  // a.count == 0",
            "  Swift   let a = CounterClass(); let b = a; b.count += 1   // a.count == 1",
            "  Swift   var zs = ws; zs.append(5)  // ws.count == 4",
            "  Swift   [Float]().max()        // nil",
            "  Swift   Float(16_777_217)   // 16777216.0",
        ])
    func printed(line: String) throws {
        let text = try Self.run().text
        #expect(text.split(separator: "\n").contains { $0 == line }, "missing: \(line)")
    }

    @Test("What the run prints, and every line of the chapter's text, fit 80 columns")
    func width() throws {
        let text = try Self.run().text
        #expect(!text.contains("⟨"), "the run asks for words its content lacks:\n\(text)")
        for line in text.split(separator: "\n") {
            #expect(TextLayout.displayWidth(line) <= 80, "run: \(line)")
        }
        let markdown = try String(contentsOf: CatalogTests.library.textPath(for: SwiftWarmUp()), encoding: .utf8)
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(TextLayout.displayWidth(line) <= 80, "chapter.md line \(number + 1): \(line)")
        }
    }

    @Test("The text says the chapter is optional, shows Python beside Swift, and names the Swift book")
    func text() throws {
        let text = try CatalogTests.library.text(for: SwiftWarmUp())
        let whole = text.sections.map(\.body).joined(separator: "\n")
        #expect(whole.contains("optional"))
        #expect(whole.contains("`lesson 1`"))
        #expect(whole.contains("https://docs.swift.org/swift-book/"))
        let python = whole.components(separatedBy: "```python").count - 1
        let swift = whole.components(separatedBy: "```swift").count - 1
        #expect(python >= 10 && swift >= python, "\(python) Python and \(swift) Swift blocks")
    }
}

/// `lesson watch` and the optional chapter: left out until the learner begins it or asks for it.
@Suite("lesson watch and the optional warm-up")
struct WatchOrderTests {
    /// A watcher over a workspace whose progress says `passed`, started as `lesson watch [start]`.
    static func watcher(passed: Set<String>, start: Int? = nil) throws -> ExerciseWatcher {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        try Progress(passed: passed).save(to: workspace)
        let project = Project(root: ExerciseTests.project.root, workspace: workspace)
        return ExerciseWatcher(
            session: GradingSession(project: project, console: Console(CapturedOutput())),
            startChapter: start)
    }

    static var courseExercises: [Exercise] {
        Catalog.chapters.filter { !$0.isOptional }.flatMap(\.exercises)
    }

    @Test("A new learner starts at 1.1, with chapter 0 left out of the order and the count")
    func newLearner() throws {
        let watcher = try Self.watcher(passed: [])
        defer { try? FileManager.default.removeItem(at: watcher.project.workspace) }
        #expect(watcher.nextUnsolved()?.id == "1.1")
        #expect(watcher.exercises == Self.courseExercises)
        #expect(watcher.leftOut.map(\.number) == [0])
        #expect(watcher.progressLine().hasPrefix("Progress 0/\(Self.courseExercises.count) "))
    }

    @Test("A learner who has passed a warm-up exercise goes on with the warm-up, then chapter 1")
    func inTheWarmUp() throws {
        let watcher = try Self.watcher(passed: ["0.1", "0.2"])
        defer { try? FileManager.default.removeItem(at: watcher.project.workspace) }
        #expect(watcher.nextUnsolved()?.id == "0.3")
        #expect(watcher.exercises.first?.id == "0.1")
        #expect(watcher.leftOut.isEmpty)
        #expect(watcher.next(after: watcher.exercises.first { $0.id == "0.5" })?.id == "1.1")

        let done = try Self.watcher(passed: ["0.1", "0.2", "0.3", "0.4", "0.5"])
        defer { try? FileManager.default.removeItem(at: done.project.workspace) }
        #expect(done.nextUnsolved()?.id == "1.1")
    }

    @Test("'lesson watch 0' starts the warm-up; 'lesson watch 4' starts at chapter 4 and goes round")
    func namedChapter() throws {
        let warmUp = try Self.watcher(passed: ["1.1"], start: 0)
        defer { try? FileManager.default.removeItem(at: warmUp.project.workspace) }
        #expect(warmUp.nextUnsolved()?.id == "0.1")

        let fourth = try Self.watcher(passed: ["4.1", "4.2", "4.3", "4.4"], start: 4)
        defer { try? FileManager.default.removeItem(at: fourth.project.workspace) }
        #expect(fourth.nextUnsolved()?.id == "5.1")
        #expect(fourth.leftOut.map(\.number) == [0])

        let everyLater = Set(Self.courseExercises.filter { $0.chapter >= 4 }.map(\.id))
        let round = try Self.watcher(passed: everyLater, start: 4)
        defer { try? FileManager.default.removeItem(at: round.project.workspace) }
        #expect(round.nextUnsolved()?.id == "1.1")
    }
}
