import Foundation
import Testing

/// `lesson check` as processes: several at once keep every pass, and Ctrl-C leaves nothing running.
@Suite("lesson check as processes", .serialized)
struct CheckProcessTests {
    static let exercises = LessonCommandTests.projectRoot.appendingPathComponent("content")

    /// A workspace whose files for chapters 1–3 are the reference solutions.
    static func solvedWorkspace() throws -> URL {
        let workspace = LessonCommandTests.temporaryWorkspace()
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for folder in ["01-logic-gates", "02-xor-failure", "03-multilayer-perceptron"] {
            let source = exercises.appendingPathComponent(folder).appendingPathComponent("exercises")
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
            where name.hasSuffix(".solution.swift") {
                try FileManager.default.copyItem(
                    at: source.appendingPathComponent(name),
                    to: workspace.appendingPathComponent(name.replacingOccurrences(of: ".solution", with: "")))
            }
        }
        return workspace
    }

    static func start(_ arguments: [String], workspace: URL) throws -> Process {
        let process = Process()
        process.executableURL = try LessonCommandTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = LessonCommandTests.projectRoot
        var environment = ProcessInfo.processInfo.environment
        environment["LESSON_WORKSPACE"] = workspace.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("Three checks at once leave every pass recorded")
    func concurrentChecks() throws {
        let workspace = try Self.solvedWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let solved = try FileManager.default.contentsOfDirectory(atPath: workspace.path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.prefix { $0 != "-" }) }
        let runs = try ["1", "2", "3"].map { try Self.start(["check", $0], workspace: workspace) }
        for run in runs { run.waitUntilExit() }
        #expect(runs.map(\.terminationStatus) == [0, 0, 0])
        let progress = try String(contentsOf: workspace.appendingPathComponent("progress.txt"), encoding: .utf8)
        let passed = Set(progress.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        #expect(solved.count >= 6)
        #expect(passed == Set(solved))
    }

    @Test("Ctrl-C during a check ends the exercise and everything it started")
    func interrupt() throws {
        let workspace = LessonCommandTests.temporaryWorkspace()
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let tag = Int.random(in: 100_000..<999_999)
        try """
        import Foundation
        func step(_ z: Float) -> Float {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "sleep \(tag).1 & setsid sleep \(tag).2 & sleep \(tag).3"]
            try? shell.run()
            while true {}
        }
        """.write(to: workspace.appendingPathComponent("1.1-step-function.swift"), atomically: true, encoding: .utf8)
        let run = try Self.start(["check", "1.1", "--time-limit", "120"], workspace: workspace)
        // Wait (compiling included) until the three sleepers run (the shell's command line names
        // them too), then press Ctrl-C.
        let deadline = ContinuousClock.now + .seconds(90)
        while Self.live("sleep \(tag).").count < 3 && ContinuousClock.now < deadline { usleep(50_000) }
        try #require(Self.live("sleep \(tag).").count >= 3, "the exercise's processes never started")
        kill(run.processIdentifier, SIGINT)
        run.waitUntilExit()
        #expect(run.terminationStatus == 130)
        usleep(100_000)
        #expect(Self.live("sleep \(tag)").isEmpty, "left running: \(Self.live("sleep \(tag)"))")
    }

    @Test("lesson watch grades the first exercise at once and ends when its input does; the warm-up is left out")
    func watchEndsWithInput() throws {
        let text = try Self.watch([])
        #expect(text.contains("✗ 1.1"), "it should grade 1.1 at once:\n\(text)")
        #expect(!text.contains("✗ 0.1"))
        #expect(
            text.replacingOccurrences(of: "\n", with: " ")
                .contains("Chapter 0, Swift for Python programmers, is optional and left out: 'lesson watch 0'"))
        #expect(text.contains("Progress 0/"))
        #expect(text.contains("Stopped watching"))
    }

    @Test("lesson watch 0 starts with the warm-up")
    func watchWarmUp() throws {
        let text = try Self.watch(["0"])
        #expect(text.contains("✗ 0.1"), "it should grade 0.1 at once:\n\(text)")
        #expect(!text.contains("left out"))
        #expect(text.contains("Stopped watching"))
    }

    /// What `lesson watch` with `arguments` prints on a new workspace when its input is empty.
    static func watch(_ arguments: [String]) throws -> String {
        let workspace = LessonCommandTests.temporaryWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let output = Pipe()
        let process = Process()
        process.executableURL = try LessonCommandTests.executable
        process.arguments = ["watch"] + arguments
        process.currentDirectoryURL = LessonCommandTests.projectRoot
        var environment = ProcessInfo.processInfo.environment
        environment["LESSON_WORKSPACE"] = workspace.path
        process.environment = environment
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return text
    }

    /// Live (not zombie) processes whose command line contains `needle`.
    static func live(_ needle: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                String(decoding: command, as: UTF8.self).replacingOccurrences(of: "\0", with: " ").contains(needle),
                let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat")
            else { return false }
            return String(decoding: stat, as: UTF8.self).split(separator: ")").last?.split(separator: " ").first != "Z"
        }
    }
}
