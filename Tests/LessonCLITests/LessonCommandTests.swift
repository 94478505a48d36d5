import Foundation
import Testing

/// Runs the built `lesson` executable as a learner would and checks what it prints and returns.
@Suite("The lesson command")
struct LessonCommandTests {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// The `lesson` binary beside this test bundle in the build folder.
    static var executable: URL {
        get throws {
            let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            let candidate = testBinary.deletingLastPathComponent().appendingPathComponent("lesson")
            try #require(
                FileManager.default.isExecutableFile(atPath: candidate.path),
                "lesson is not built beside the tests at \(candidate.path)")
            return candidate
        }
    }

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func lesson(_ arguments: String..., workspace: URL? = nil) throws -> Result {
        try lesson(arguments, workspace: workspace)
    }

    static func lesson(_ arguments: [String], workspace: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
        if let workspace {
            var environment = ProcessInfo.processInfo.environment
            environment["LESSON_WORKSPACE"] = workspace.path
            process.environment = environment
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a long output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    @Test("'lesson list' lists every chapter with its title")
    func list() throws {
        let result = try Self.lesson("list")
        #expect(result.status == 0)
        for title in ["Perceptron logic gates", "Why a single layer fails on XOR", "The multi-layer perceptron"] {
            #expect(result.output.contains(title))
        }
    }

    @Test("A chapter that does not exist says what to type instead", arguments: ["42", "99"])
    func noSuchChapter(number: String) throws {
        let result = try Self.lesson(number, "run")
        #expect(result.status != 0)
        #expect(result.error.contains("there is no chapter \(number); chapters run from 0 to 13."))
        #expect(result.error.contains("lesson list"))
    }

    @Test("An unknown action says what a chapter can do")
    func unknownAction() throws {
        let result = try Self.lesson("1", "fly")
        #expect(result.status != 0)
        #expect(result.error.contains("Please provide one of 'read' and 'run'"))
    }

    @Test(
        "Bad words and option values are refused with a non-zero exit",
        arguments: [["fly"], ["1", "run", "--seed", "abc"], ["1", "run", "--threads", "0"]])
    func badInput(arguments: [String]) throws {
        let process = try Self.lessonArguments(arguments)
        #expect(process.status != 0)
        #expect(!process.error.isEmpty)
    }

    @Test("'lesson 1 run' trains the three gates; the same seed prints the same numbers")
    func runIsReproducible() throws {
        let first = try Self.lesson("1", "run", "--seed", "3")
        let second = try Self.lesson("1", "run", "--seed", "3")
        #expect(first.status == 0)
        #expect(first.output.contains("AND   accuracy 1.00"))
        let strip = { (text: String) in text.replacing(/\d+s \d+(us|ms)\/step/, with: "…") }
        #expect(strip(first.output) == strip(second.output))
    }

    @Test("Reading, piped, prints every section of the chapter")
    func read() throws {
        let result = try Self.lesson("2")
        #expect(result.status == 0)
        #expect(result.output.contains("Chapter 2 · Why a single layer fails on XOR"))
        #expect(result.output.contains("Why no line can do it"))
        #expect(result.output.contains("Try next"))
    }

    @Test(
        "The warm-up: 'lesson list' marks it optional, 'lesson 0' reads it, 'lesson 0 run' runs it, hints come in two steps"
    )
    func warmUp() throws {
        let list = try Self.lesson("list")
        #expect(list.output.contains("Swift for Python programmers  (optional)"))
        #expect(list.output.contains("'lesson 0'"))
        let read = try Self.lesson("0")
        #expect(read.status == 0)
        #expect(read.output.contains("Chapter 0 · Swift for Python programmers"))
        #expect(read.output.contains("Dataclasses become structs"))
        #expect(read.output.contains("Run it: 'lesson 0 run'."))
        let run = try Self.lesson("0", "run")
        #expect(run.status == 0)
        #expect(run.output.contains("  Swift   xs.reduce(0, +) / Float(xs.count)  // 2.5"))
        #expect(try Self.lesson("0", "run").output == run.output)
        let nudge = try Self.lesson("hint", "0.1")
        let more = try Self.lesson("hint", "0.1", "--more")
        #expect(nudge.output.contains("Hint for 0.1 · Mean and dot product"))
        #expect(!nudge.output.contains("More:"))
        #expect(more.output.contains("More:"))
        #expect(more.output.contains("Float(values.count)"))
    }

    @Test("--help teaches the commands")
    func help() throws {
        let result = try Self.lesson("--help")
        #expect(result.status == 0)
        #expect(result.output.contains("lesson list"))
        #expect(result.output.contains("lesson 1 run"))
    }

    static func lessonArguments(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: "",
            error: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryWorkspace() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lesson-cli-\(UUID().uuidString)")
    }

    @Test("'lesson check' on the shipped workspace: every exercise ✗ with a hint pointer, exit non-zero")
    func checkShipped() throws {
        let workspace = Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try Self.lesson("check", workspace: workspace)
        #expect(result.status == 1)
        let failed = result.output.split(separator: "\n").filter { $0.hasPrefix("✗ ") }
        #expect(failed.count >= 2 * 7, "every chapter's exercises should fail, got:\n\(result.output)")
        for line in failed {
            let id = line.split(separator: " ")[1]
            #expect(result.output.contains("'lesson hint \(id)'"), "no hint pointer for \(id)")
        }
        #expect(!result.output.contains("✓ "))
        #expect(result.output.contains("0 of \(failed.count) exercises passed."))
    }

    @Test("With the reference solutions, 'lesson check --reference' passes everything, exit 0")
    func checkReference() throws {
        let workspace = Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try Self.lesson("check", "--reference", workspace: workspace)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let passed = result.output.split(separator: "\n").filter { $0.hasPrefix("✓ ") }.count
        #expect(passed >= 2 * 7)
        #expect(!result.output.contains("✗ "))
        #expect(result.output.contains("\(passed) of \(passed) exercises passed."))
    }

    @Test("A pass is recorded: 'lesson list' shows it, 'lesson solution' opens, 'lesson reset' guards changes")
    func progressHintResetSolution() throws {
        let workspace = Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        #expect(try Self.lesson("solution", "1.1", workspace: workspace).status != 0)
        #expect(try Self.lesson("hint", "1.1", workspace: workspace).output.contains("Hint for 1.1"))

        _ = try Self.lesson("check", "1.1", workspace: workspace)
        let file = workspace.appendingPathComponent("1.1-step-function.swift")
        try "func step(_ z: Float) -> Float { z > 0 ? 1 : 0 }\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try Self.lesson("check", "1.1", workspace: workspace).status == 0)
        #expect(try Self.lesson("list", workspace: workspace).output.contains("1/4 passed"))
        let solution = try Self.lesson("solution", "1.1", workspace: workspace)
        #expect(solution.status == 0)
        #expect(solution.output.contains("func step"))

        let refused = try Self.lesson("reset", "1.1", workspace: workspace)
        #expect(refused.status != 0)
        #expect(refused.error.contains("--force"))
        #expect(try Self.lesson("reset", "1.1", "--force", workspace: workspace).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("// TODO"))
        #expect(try Self.lesson("list", workspace: workspace).output.contains("0/4 passed"))
    }

    @Test("One exercise crashing and another looping forever are reported; the rest are graded")
    func crashAndLoop() throws {
        let workspace = Self.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try Self.lesson("check", "1", workspace: workspace)
        try "func step(_ z: Float) -> Float { [Float]()[0] }\n"
            .write(to: workspace.appendingPathComponent("1.1-step-function.swift"), atomically: true, encoding: .utf8)
        try String(
            contentsOf: Self.projectRoot.appendingPathComponent(
                "content/01-logic-gates/exercises/1.2-perceptron-rule.swift"), encoding: .utf8
        )
        .replacingOccurrences(of: "    return (weights, bias)", with: "    while true {}")
        .write(to: workspace.appendingPathComponent("1.2-perceptron-rule.swift"), atomically: true, encoding: .utf8)
        let result = try Self.lesson("check", "--time-limit", "2", workspace: workspace)
        #expect(result.status == 1)
        #expect(result.output.contains("✗ 1.1  The step function crashed:\n       Fatal error: Index out of range"))
        #expect(result.output.contains("       at 1.1-step-function.swift:"))
        #expect(result.output.contains("✗ 1.2  The perceptron learning rule timed out after 2 s"))
        #expect(result.output.contains("✗ 3.2  "))
        #expect(!result.output.contains("✓ "))
    }
}

@Suite("The augment command")
struct AugmentCommandTests {
    static func run(_ arguments: [String]) throws -> LessonCommandTests.Result {
        let process = Process()
        process.executableURL = try LessonCommandTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = LessonCommandTests.projectRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    static let fixture = LessonCommandTests.projectRoot.appendingPathComponent(
        "Tests/AugmentTests/Fixtures/rgb-8bit.png"
    ).path

    @Test("A transform, and random variants with a seed, are written with a sheet; the same seed writes the same files")
    func writes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("augment-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exact = try Self.run([
            "augment", Self.fixture, "--rotate", "15", "--shift", "2,-3", "--flip", "horizontal",
            "--zoom", "1.2", "--shear", "10", "--out", folder.path,
        ])
        #expect(exact.status == 0, "\(exact.error)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rgb-8bit-transformed.png").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("rgb-8bit-grid.png").path))

        let first = try Self.run([
            "augment", Self.fixture, "--rotate", "20", "--random", "3", "--seed", "5", "--out", folder.path,
        ])
        #expect(first.status == 0)
        let variant = folder.appendingPathComponent("rgb-8bit-variant-02.png")
        let before = try Data(contentsOf: variant)
        _ = try Self.run([
            "augment", Self.fixture, "--rotate", "20", "--random", "3", "--seed", "5", "--out", folder.path,
        ])
        #expect(try Data(contentsOf: variant) == before)
        _ = try Self.run([
            "augment", Self.fixture, "--rotate", "20", "--random", "3", "--seed", "6", "--out", folder.path,
        ])
        #expect(try Data(contentsOf: variant) != before)
    }

    @Test(
        "Bad values, a missing file, a broken PNG and an unwritable folder fail with a message",
        arguments: [
            ["--rotate", "abc"], ["--shift", "2"], ["--flip", "sideways"], ["--zoom", "0"],
            ["--fill", "glitter"], ["--random", "0"],
        ])
    func badValues(extra: [String]) throws {
        let result = try Self.run(["augment", Self.fixture] + extra)
        #expect(result.status != 0)
        #expect(result.error.contains("Error:"))
    }

    @Test("Files that cannot be used are named in the error")
    func badFiles() throws {
        let missing = try Self.run(["augment", "/nonexistent/shirt.png"])
        #expect(missing.status != 0 && missing.error.contains("/nonexistent/shirt.png"))
        let notPNG = LessonCommandTests.projectRoot.appendingPathComponent("README.md").path
        let broken = try Self.run(["augment", notPNG])
        #expect(broken.status != 0 && broken.error.contains("not a PNG"))
        let unwritable = try Self.run(["augment", Self.fixture, "--out", "/proc/no-such-place"])
        #expect(unwritable.status != 0 && unwritable.error.contains("/proc/no-such-place"))
    }
}
