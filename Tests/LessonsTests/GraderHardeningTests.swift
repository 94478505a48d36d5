import Foundation
import Testing

@testable import Lessons

/// The grader against exercises that fork, detach, exit early or try to fake a pass: every one
/// ends within its time limit with nothing left running, and a pass comes only from the check.
@Suite("The grader holds", .serialized)
struct GraderHardeningTests {
    static let step = ExerciseTests.stepFunction

    /// Grades `source` as exercise 1.1 with a time limit of `seconds`, in the sandbox or not.
    static func grade(_ source: String, seconds: Int = 3, sandboxed: Bool = true) throws
        -> (outcome: ExerciseGrader.Outcome, seconds: Double)
    {
        var grader = try ExerciseTests.grader(timeLimit: .seconds(seconds))
        grader.sandboxed = sandboxed
        try FileManager.default.createDirectory(at: ExerciseTests.project.workspace, withIntermediateDirectories: true)
        let file = ExerciseTests.project.workspace.appendingPathComponent("hardening-\(UUID().uuidString).swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let start = ContinuousClock.now
        let outcome = try grader.grade(step, source: file)
        let elapsed = ContinuousClock.now - start
        return (outcome, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Live (not zombie) processes whose command line contains `needle`.
    static func live(_ needle: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                String(decoding: command, as: UTF8.self).replacingOccurrences(of: "\0", with: " ").contains(needle),
                let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat")
            else { return false }
            let fields = String(decoding: stat, as: UTF8.self).split(separator: ")").last?.split(separator: " ")
            return fields?.first != "Z"
        }
    }

    /// A learner's `step` that starts `script` with sh, then spins until stopped.
    static func spawning(_ script: String) -> String {
        """
        import Foundation
        func step(_ z: Float) -> Float {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "\(script)"]
            try? shell.run()
            while true {}
        }
        """
    }

    static var sandboxes: [Bool] { Sandbox.current == nil ? [false] : [true, false] }

    @Test(
        "A child that forks a sleeper and one that detaches with setsid both end at the limit",
        arguments: sandboxes)
    func processTree(sandboxed: Bool) throws {
        // Unique sleep lengths name this run's processes.
        let tag = Int.random(in: 100_000..<999_999)
        let result = try Self.grade(
            Self.spawning("sleep \(tag).1 & setsid sleep \(tag).2 & sleep \(tag).3"),
            seconds: 3, sandboxed: sandboxed)
        #expect(result.outcome == .timedOut(seconds: 3))
        // The time includes compiling the exercise (a few seconds on a busy machine); waiting for
        // the sleepers instead would take more than a day.
        #expect(result.seconds < 3 + 10, "took \(result.seconds) s")
        #expect(Self.live("sleep \(tag)").isEmpty, "left running: \(Self.live("sleep \(tag)"))")
    }

    @Test("A program whose children keep its output open is not waited for", arguments: sandboxes)
    func heldPipes(sandboxed: Bool) throws {
        let tag = Int.random(in: 100_000..<999_999)
        // The exercise returns at once (and fails); its detached child holds stdout and stderr.
        let result = try Self.grade(
            """
            import Foundation
            func step(_ z: Float) -> Float {
                let shell = Process()
                shell.executableURL = URL(fileURLWithPath: "/bin/sh")
                shell.arguments = ["-c", "setsid sleep \(tag).4 &"]
                try? shell.run()
                usleep(300_000)
                return -1
            }
            """, seconds: 20, sandboxed: sandboxed)
        guard case .failed = result.outcome else {
            Issue.record("expected a failed check, got \(result.outcome)")
            return
        }
        #expect(result.seconds < 10, "took \(result.seconds) s")
        #expect(Self.live("sleep \(tag)").isEmpty)
    }

    @Test(
        "An exit before the check finishes, or a non-zero exit after it passed, is not a pass",
        arguments: [
            (
                "import Foundation\nfunc step(_ z: Float) -> Float { exit(0) }",
                "exited with status 0 before the check finished"
            ),
            // A correct answer whose exit handler changes the status: the check passed, the run did not.
            (
                """
                import Foundation
                let installed: Void = { atexit { _exit(3) } }()
                func step(_ z: Float) -> Float { _ = installed; return z > 0 ? 1 : 0 }
                """, "exited with status 3 after the check had passed (does your code call exit?)"
            ),
        ])
    func exitStatus(source: String, reason: String) throws {
        #expect(try Self.grade(source).outcome == .crashed(reason))
    }

    @Test(
        "A learner's file cannot fake a pass",
        arguments: [
            // The old report file, written by hand: no longer named in the environment.
            """
            import Foundation
            func step(_ z: Float) -> Float {
                let path = ProcessInfo.processInfo.environment["EXERCISE_REPORT"] ?? "/tmp/report.json"
                FileManager.default.createFile(atPath: path, contents: Data(#"{"passed":true,"given":"","expected":"","got":""}"#.utf8))
                return -1
            }
            """,
            // A token looked for in the environment as the program started, and a forged verdict
            // written to every descriptor the channel could have been moved to.
            """
            import Foundation
            func step(_ z: Float) -> Float {
                let environment = (try? String(contentsOfFile: "/proc/self/environ", encoding: .utf8)) ?? ""
                let token = environment.split(separator: "\\0").first { $0.contains("TOKEN=") }?
                    .split(separator: "=").last.map(String.init) ?? "none"
                let line = #"{"token":"\\#(token)","passed":true,"given":"","expected":"","got":""}"# + "\\n"
                for fd in Int32(3) ..< 1024 { _ = line.withCString { write(fd, $0, strlen($0)) } }
                exit(0)
            }
            """,
            // The check's entry point replaced, reading the token from where the grader sends it.
            """
            import Foundation
            extension StepFunctionCheck {
                static func main() {
                    var buffer = [UInt8](repeating: 0, count: 80)
                    let count = read(4, &buffer, 80)
                    let token = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
                    let line = #"{"token":"\\#(token)","passed":true,"given":"","expected":"","got":""}"# + "\\n"
                    _ = line.withCString { write(3, $0, strlen($0)) }
                    exit(0)
                }
            }
            func step(_ z: Float) -> Float { -1 }
            """,
            // A check of the learner's own, run from inside the learner's code: its empty run()
            // would pass any exercise if its verdict counted.
            """
            import ExerciseKit
            enum Pass: ExerciseCheck { static func run() {} }
            func step(_ z: Float) -> Float { Pass.main(); return -1 }
            """,
            // Functions that shadow ExerciseKit's, by accident or not: the check calls its own.
            """
            func expectEqual<T: Equatable>(_ actual: T, _ expected: T, given: @autoclosure () -> String) {}
            func expect(_ condition: Bool, given: @autoclosure () -> String, expected: @autoclosure () -> String,
                        got: @autoclosure () -> String) {}
            func fail(given: String, expected: String, got: String) -> Never { while true {} }
            func step(_ z: Float) -> Float { -1 }
            """,
        ])
    func noFakePass(source: String) throws {
        let outcome = try Self.grade(source).outcome
        #expect(outcome != .passed)
        if case .doesNotCompile(let messages) = outcome {
            Issue.record("the probe must compile to prove anything: \(messages)")
        }
    }

    @Test("A check of the learner's own fails, saying that the learner's code called main()")
    func ownCheck() throws {
        let outcome = try Self.grade(
            """
            import ExerciseKit
            enum Pass: ExerciseCheck { static func run() {} }
            func step(_ z: Float) -> Float { Pass.main(); return z > 0 ? 1 : 0 }
            """
        ).outcome
        #expect(
            outcome
                == .failed(
                    given: "running the exercise", expected: "the check to call your code",
                    got: "your code called main() of an ExerciseCheck itself"))
    }

    @Test("What the learner's code prints comes back with the verdict, and is shown when it fails")
    func printedOutput() throws {
        var grader = try ExerciseTests.grader(timeLimit: .seconds(10))
        grader.sandboxed = true
        let file = ExerciseTests.project.workspace.appendingPathComponent("printing-\(UUID().uuidString).swift")
        try FileManager.default.createDirectory(at: ExerciseTests.project.workspace, withIntermediateDirectories: true)
        try "func step(_ z: Float) -> Float {\n    print(\"step got\", z)\n    return -1\n}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (outcome, printed) = try grader.gradeShowingOutput(Self.step, source: file)
        #expect(outcome != .passed)
        #expect(printed.contains("step got"))
        let shown = GradingSession.printedLines(printed)
        #expect(shown.first == "       Your code printed:")
        #expect(shown.dropFirst().allSatisfy { $0.hasPrefix("       │ step got") })
        let long = (1...30).map { "line \($0)" }.joined(separator: "\n")
        #expect(GradingSession.printedLines(long).first == "       Your code printed (the last 20 of 30 lines):")
        #expect(GradingSession.printedLines(long).last == "       │ line 30")
    }

    @Test("The reference solution still passes through the same channel")
    func referencePasses() throws {
        let source = try String(contentsOf: ExerciseTests.project.solution(Self.step), encoding: .utf8)
        #expect(try Self.grade(source).outcome == .passed)
    }
}

@Suite("Editor set-up for the exercises", .serialized)
struct EditorConfigurationTests {
    @Test("compile_commands.json names every exercise file with arguments that resolve import NNKit")
    func compileCommands() throws {
        struct Entry: Decodable {
            let directory: String
            let file: String
            let arguments: [String]
        }
        let grader = try ExerciseTests.grader()
        let project = ExerciseTests.project
        try project.prepareWorkspace()
        let exercises = Catalog.chapters.flatMap(\.exercises)
        try grader.writeEditorConfiguration(for: exercises)
        let data = try Data(
            contentsOf: project.workspace.appendingPathComponent(ExerciseGrader.editorConfigurationName))
        let entries = try JSONDecoder().decode([Entry].self, from: data)
        #expect(Set(entries.map(\.file)) == Set(exercises.map { project.learnerFile($0).path }))
        // The compiler itself, with an entry's arguments, type-checks that untouched stub:
        // `import NNKit` resolves, as it will for the editor.
        let entry = try #require(entries.first { $0.file.hasSuffix("3.2-dense-layer.swift") })
        let run = try ChildProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: entry.arguments + ["-typecheck"], timeLimit: .seconds(120)
        ).run()
        #expect(run.ending == .exited(0), "swiftc -typecheck failed: \(run.errorOutput)")
    }
}
