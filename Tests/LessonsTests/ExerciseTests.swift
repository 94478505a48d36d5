import Foundation
import Lessons
import Testing

/// The course's exercises, graded for real: compiled against ExerciseKit and run in their own
/// processes. Serialized, since they share the grader's build folder.
@Suite("Exercises", .serialized)
struct ExerciseTests {
    static let project = Project(
        root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent(),
        workspace: FileManager.default.temporaryDirectory
            .appendingPathComponent("lesson-exercise-tests-\(ProcessInfo.processInfo.processIdentifier)"))
    static let allExercises = Catalog.chapters.flatMap(\.exercises)
    /// Exercise 1.1, `step(_:)`: the one the grader's own tests hand their probes to.
    static let stepFunction = allExercises.first { $0.id == "1.1" } ?? allExercises[0]

    static func grader(timeLimit: Duration = .seconds(30)) throws -> ExerciseGrader {
        let grader = ExerciseGrader(project: project, timeLimit: timeLimit)
        try grader.prepare()
        return grader
    }

    /// Grades `source` as the learner's file for `exercise`.
    static func grade(_ exercise: Exercise, source: String, timeLimit: Duration = .seconds(30)) throws
        -> ExerciseGrader.Outcome
    {
        try FileManager.default.createDirectory(at: project.workspace, withIntermediateDirectories: true)
        let file = project.workspace.appendingPathComponent("probe-\(exercise.fileName)")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return try grader(timeLimit: timeLimit).grade(exercise, source: file)
    }

    @Test("Every chapter has at least two exercises, each with a hint and its three files")
    func everyChapterHasExercises() {
        for chapter in Catalog.chapters {
            #expect(chapter.exercises.count >= 2, "chapter \(chapter.number) has \(chapter.exercises.count) exercises")
            #expect(
                chapter.exercises.map(\.number) == Array(1...max(1, chapter.exercises.count)),
                "chapter \(chapter.number)'s exercises are not numbered 1, 2, …")
            for exercise in chapter.exercises {
                #expect(exercise.chapter == chapter.number)
                #expect(
                    !exercise.hint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(exercise.id) has no hint"
                )
                for file in [
                    Self.project.stub(exercise), Self.project.solution(exercise), Self.project.check(exercise),
                ] {
                    #expect(FileManager.default.fileExists(atPath: file.path), "\(exercise.id) needs \(file.path)")
                }
            }
        }
    }

    @Test("Every file under content/NN-slug/exercises/ belongs to an exercise")
    func noStrayFiles() throws {
        let expected = Set(
            Self.allExercises.flatMap { exercise in
                [Self.project.stub(exercise), Self.project.solution(exercise), Self.project.check(exercise)].map(\.path)
                    + WrongVariant.all(of: exercise).map(\.file.path)
                    + Language.allCases.filter { $0 != .english }.flatMap { language in
                        [
                            Self.project.instructions(exercise, language: language).path,
                            Self.project.chapterFolder(exercise)
                                .appendingPathComponent(
                                    "\(exercise.id)-\(exercise.slug).check\(language.fileSuffix).txt"
                                ).path,
                        ]
                    }
            })
        let root = Self.project.exerciseSources
        for chapter in try FileManager.default.contentsOfDirectory(atPath: root.path) {
            let folder = root.appendingPathComponent(chapter).appendingPathComponent("exercises")
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let path = folder.appendingPathComponent(name).path
                #expect(expected.contains(path), "\(path) belongs to no exercise in the catalog")
            }
        }
    }

    @Test("Every stub opens with a doc comment and marks what to fill with TODO")
    func stubsTeach() throws {
        for exercise in Self.allExercises {
            let text = try String(contentsOf: Self.project.stub(exercise), encoding: .utf8)
            let firstComment = text.split(separator: "\n").first { !$0.hasPrefix("import") && !$0.isEmpty }
            #expect(
                firstComment?.hasPrefix("/// Exercise \(exercise.id) · ") == true,
                "\(exercise.fileName) should open with '/// Exercise \(exercise.id) · \(exercise.title)'")
            #expect(text.contains("// TODO"), "\(exercise.fileName) has no '// TODO' marking what to write")
        }
    }

    @Test("Every reference solution passes its grader", arguments: allExercises.map(\.id))
    func solutionsPass(id: String) throws {
        let exercise = try #require(Self.allExercises.first { $0.id == id })
        let outcome = try Self.grader().grade(exercise, source: Self.project.solution(exercise))
        #expect(outcome == .passed, "\(id): \(outcome)")
    }

    @Test("Every exercise ships at least three wrong variants, each saying its mistake and what the check says")
    func wrongVariantsExist() throws {
        for exercise in Self.allExercises {
            let variants = WrongVariant.all(of: exercise)
            #expect(variants.count >= 3, "\(exercise.id) has \(variants.count) wrong variants; it needs 3")
            for variant in variants {
                #expect(
                    !variant.mistake.isEmpty && !variant.checkSays.isEmpty,
                    "\(variant.file.lastPathComponent) should open with '// Wrong: …' and '// The check says: …'")
            }
        }
    }

    @Test("Every untouched stub compiles and fails its grader", arguments: allExercises.map(\.id))
    func stubsFail(id: String) throws {
        let exercise = try #require(Self.allExercises.first { $0.id == id })
        let outcome = try Self.grader().grade(exercise, source: Self.project.stub(exercise))
        guard case .failed(let given, let expected, let got) = outcome else {
            Issue.record("\(id)'s stub should compile and fail an expectation; it gave \(outcome)")
            return
        }
        #expect(!given.isEmpty && !expected.isEmpty && !got.isEmpty)
    }

    @Test("A crash fails that exercise with the runtime's reason and the learner's line")
    func crash() throws {
        let outcome = try Self.grade(
            Self.stepFunction,
            source: """
                func step(_ z: Float) -> Float {
                    [Float]()[3]
                }
                """)
        #expect(
            outcome == .crashed("Fatal error: Index out of range (at probe-1.1-step-function.swift:2, in step(_:))"))
    }

    @Test("An endless loop is stopped at the time limit")
    func endlessLoop() throws {
        let start = ContinuousClock.now
        let outcome = try Self.grade(
            Self.stepFunction,
            source: """
                func step(_ z: Float) -> Float {
                    var n: Float = 0
                    while n >= 0 { n += 1 }
                    return n
                }
                """, timeLimit: .seconds(2))
        #expect(outcome == .timedOut(seconds: 2))
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test("Code that does not compile comes back with the compiler's file:line messages")
    func compileError() throws {
        let outcome = try Self.grade(
            Self.stepFunction,
            source: """
                func step(_ z: Float) -> Float { return "one" }
                """)
        guard case .doesNotCompile(let messages) = outcome else {
            Issue.record("expected a compile error, got \(outcome)")
            return
        }
        #expect(messages.contains("probe-1.1-step-function.swift:1:"))
        #expect(messages.contains("error:"))
    }

    @Test("A runaway allocation is stopped by the memory limit")
    func runawayAllocation() throws {
        var grader = try Self.grader(timeLimit: .seconds(20))
        grader.memoryLimit = 512 << 20
        let file = Self.project.workspace.appendingPathComponent("probe-memory.swift")
        try FileManager.default.createDirectory(at: Self.project.workspace, withIntermediateDirectories: true)
        try """
        func step(_ z: Float) -> Float {
            var hoard: [[Float]] = []
            while true { hoard.append([Float](repeating: z, count: 10_000_000)) }
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try grader.grade(Self.stepFunction, source: file)
        guard case .crashed(let reason) = outcome else {
            Issue.record("expected a crash at the memory limit, got \(outcome)")
            return
        }
        #expect(reason.contains("failed to allocate"))
    }

    @Test("A chatty exercise cannot block the grader")
    func chatty() throws {
        let outcome = try Self.grade(
            Self.stepFunction,
            source: """
                func step(_ z: Float) -> Float {
                    for i in 0 ..< 200_000 { print("line \\(i): a learner's debugging output") }
                    return z > 0 ? 1 : 0
                }
                """)
        #expect(outcome == .passed)
    }

    @Test("The workspace gets every missing stub and keeps the learner's files; progress round-trips")
    func workspaceAndProgress() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-ws-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let project = Project(root: Self.project.root, workspace: workspace)
        #expect(try project.prepareWorkspace().count == Self.allExercises.count)
        let first = project.learnerFile(Self.allExercises[0])
        try "// mine".write(to: first, atomically: true, encoding: .utf8)
        #expect(try project.prepareWorkspace().isEmpty)
        #expect(try String(contentsOf: first, encoding: .utf8) == "// mine")

        var progress = Progress()
        progress.record(Self.allExercises[1], passed: true)
        progress.record(Self.allExercises[0], passed: true)
        progress.record(Self.allExercises[0], passed: false)
        try progress.save(to: workspace)
        #expect(Progress.load(from: workspace) == progress)
        #expect(
            try String(contentsOf: workspace.appendingPathComponent(Progress.fileName), encoding: .utf8)
                .hasSuffix("\n\(Self.allExercises[1].id)\n"))
    }

    @Test(
        "Selections: 3 is a chapter's exercises, 3.2 one exercise, other text none",
        arguments: [("3", 4), ("3.2", 1), ("3.9", 0), ("0", 5), ("0.5", 1), ("0.6", 0), ("x", -1), ("1.", -1)])
    func selections(text: String, count: Int) {
        guard let selection = ExerciseSelection(text) else {
            #expect(count == -1, "'\(text)' should parse")
            return
        }
        #expect(selection.exercises(in: Catalog.chapters).count == count)
    }

    @Test(
        "Every stub has Korean instructions; the Korean stub keeps every line of code and every example",
        arguments: allExercises.map(\.id))
    func koreanStub(id: String) throws {
        let exercise = try #require(Self.allExercises.first { $0.id == id })
        let path = Self.project.instructions(exercise, language: .korean)
        #expect(FileManager.default.fileExists(atPath: path.path), "\(path.lastPathComponent) is missing")
        let english = try String(contentsOf: Self.project.stub(exercise), encoding: .utf8)
        let korean = try #require(
            String(data: try Self.project.shippedStub(exercise, language: .korean), encoding: .utf8))
        func code(_ text: String) -> [String] {
            text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("///") }
        }
        #expect(code(korean) == code(english), "\(id): the Korean stub changes code")
        // Example lines inside the instructions (indented four spaces past ///) keep their code;
        // what follows a wide gap (a comment, a note) may be translated.
        func codePart(_ line: Substring) -> String {
            let text = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            return String(text.range(of: "  ").map { text[..<$0.lowerBound] } ?? Substring(text))
        }
        let koreanBlock = korean.split(separator: "\n").filter { $0.hasPrefix("///") }.joined(separator: "\n")
        for line in english.split(separator: "\n") where line.hasPrefix("///     ") {
            #expect(
                koreanBlock.contains(codePart(line)),
                "\(id): the Korean instructions lose the example '\(codePart(line))'")
        }
        if english.contains("lesson check \(id)") {
            #expect(korean.contains("lesson check \(id)"), "\(id): the Korean instructions lose 'lesson check \(id)'")
        }
    }

    @Test("A Korean learner's workspace gets Korean instructions, and the stub still compiles and fails")
    func koreanWorkspace() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-ko-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let project = Project(root: Self.project.root, workspace: workspace)
        try Language.$override.withValue(.korean) { _ = try project.prepareWorkspace() }
        let exercise = try #require(Self.allExercises.first { $0.id == "9.1" })
        let text = try String(contentsOf: project.learnerFile(exercise), encoding: .utf8)
        #expect(text.hasPrefix("/// 연습 문제 9.1"))
        let outcome = try Self.grade(exercise, source: text)
        guard case .failed = outcome else {
            Issue.record("the Korean stub of 9.1 should compile and fail; it gave \(outcome)")
            return
        }
        // A reset in the other language counts the untouched Korean file as untouched.
        #expect(try project.reset(exercise, force: false) == .restored)
    }
}

/// The wrong variants, graded two at a time (each is compiled and run in a process of its own;
/// the grader's library is built once, under its lock).
@Suite("Wrong answers fail")
struct WrongVariantTests {
    @Test(
        "Every wrong variant fails its grader with a message that points at its mistake",
        arguments: ExerciseTests.allExercises.flatMap { WrongVariant.all(of: $0) })
    func wrongVariantsFail(variant: WrongVariant) throws {
        let outcome = try ExerciseTests.grader().grade(variant.exercise, source: variant.file)
        let said: String
        switch outcome {
        case .failed(let given, let expected, let got): said = "\(given) | expected \(expected) | got \(got)"
        case .crashed(let reason): said = "crashed: \(reason)"
        case .timedOut: said = "timed out"
        case .passed, .doesNotCompile, .unreadable:
            Issue.record("\(variant) (\(variant.mistake)) should compile and fail; it gave \(outcome)")
            return
        }
        #expect(said.contains(variant.checkSays), "\(variant): the check said '\(said)'")
    }

}

/// A wrong answer to an exercise, as a learner might write it, shipped beside the exercise as
/// `N.M-slug.wrong-NAME.swift`: its grader must fail it. The file opens with two lines:
/// `// Wrong: …`, the mistake, and `// The check says: …`, words the failure must contain
/// (in its given, expected or got), so that the learner is pointed at the mistake.
struct WrongVariant: CustomTestStringConvertible, Sendable {
    let exercise: Exercise
    let file: URL
    let mistake: String
    let checkSays: String

    var testDescription: String { file.lastPathComponent }

    static func all(of exercise: Exercise, in project: Project = ExerciseTests.project) -> [WrongVariant] {
        let folder = project.chapterFolder(exercise)
        let prefix = "\(exercise.id)-\(exercise.slug).wrong-"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".swift") }.sorted()
        return names.map { name in
            let file = folder.appendingPathComponent(name)
            let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            func value(_ label: String) -> String {
                lines.first { $0.hasPrefix(label) }.map {
                    String($0.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
                } ?? ""
            }
            return WrongVariant(
                exercise: exercise, file: file, mistake: value("// Wrong:"),
                checkSays: value("// The check says:"))
        }
    }
}
