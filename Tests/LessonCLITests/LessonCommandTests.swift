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
            try #require(FileManager.default.isExecutableFile(atPath: candidate.path),
                         "lesson is not built beside the tests at \(candidate.path)")
            return candidate
        }
    }

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func lesson(_ arguments: String...) throws -> Result {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = projectRoot
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
        return Result(status: process.terminationStatus,
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

    @Test("A chapter that does not exist says what to type instead", arguments: ["42", "0"])
    func noSuchChapter(number: String) throws {
        let result = try Self.lesson(number, "run")
        #expect(result.status != 0)
        #expect(result.error.contains("There is no chapter \(number); chapters run from 1 to"))
        #expect(result.error.contains("lesson list"))
    }

    @Test("An unknown action says what a chapter can do")
    func unknownAction() throws {
        let result = try Self.lesson("1", "fly")
        #expect(result.status != 0)
        #expect(result.error.contains("'fly' is not something a chapter can do"))
        #expect(result.error.contains("lesson 1 run"))
    }

    @Test("Bad words and option values are refused with a non-zero exit",
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
        return Result(status: process.terminationStatus, output: "",
                      error: String(decoding: errorData, as: UTF8.self))
    }
}
