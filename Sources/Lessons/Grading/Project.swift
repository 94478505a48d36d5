import Foundation

/// The project's folders, found once: the course text, the exercise sources, the learner's
/// workspace and where graded programs are built.
public struct Project: Sendable {
    /// The folder holding `Package.swift`.
    public let root: URL
    /// The learner's exercises: `exercises/`, or `$LESSON_WORKSPACE` when set.
    public let workspace: URL

    public init(root: URL, workspace: URL? = nil) {
        self.root = root
        self.workspace = workspace ?? root.appendingPathComponent("exercises")
    }

    /// The project around the working directory or the executable (see `ContentLibrary.locate`),
    /// with `$LESSON_WORKSPACE` as the workspace when it is set.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Project {
        let content = try ContentLibrary.locate(environment: environment)
        let workspace = environment["LESSON_WORKSPACE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        return Project(root: content.root.deletingLastPathComponent(), workspace: workspace)
    }

    public var content: ContentLibrary {
        ContentLibrary(root: root.appendingPathComponent("content"))
    }

    /// Where the course's stubs, solutions and checks live.
    public var exerciseSources: URL {
        root.appendingPathComponent("Sources/Lessons/Exercises")
    }

    /// Grading's own build folder, apart from `.build` so that grading never waits on, or
    /// disturbs, a build or test run in progress.
    public var graderBuild: URL {
        root.appendingPathComponent(".build-grader")
    }

    func chapterFolder(_ exercise: Exercise) -> URL {
        let name = Catalog.chapter(exercise.chapter)?.folderName ?? "\(exercise.chapter)"
        return exerciseSources.appendingPathComponent(name)
    }

    public func stub(_ exercise: Exercise) -> URL {
        chapterFolder(exercise).appendingPathComponent(exercise.fileName)
    }

    public func solution(_ exercise: Exercise) -> URL {
        chapterFolder(exercise).appendingPathComponent(exercise.solutionFileName)
    }

    public func check(_ exercise: Exercise) -> URL {
        chapterFolder(exercise).appendingPathComponent(exercise.checkFileName)
    }

    /// The learner's copy.
    public func learnerFile(_ exercise: Exercise) -> URL {
        workspace.appendingPathComponent(exercise.fileName)
    }

    /// Copies in every stub the workspace lacks; the learner's own files are never touched.
    /// Returns the exercises it added.
    @discardableResult
    public func prepareWorkspace() throws -> [Exercise] {
        try FileProblem.createFolder(workspace)
        var added: [Exercise] = []
        for exercise in Catalog.chapters.flatMap(\.exercises)
        where !FileManager.default.fileExists(atPath: learnerFile(exercise).path) {
            try AtomicFile.write(try FileProblem.read(stub(exercise)), to: learnerFile(exercise))
            added.append(exercise)
        }
        return added
    }
}
