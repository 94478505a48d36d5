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

/// Writing a file so that a reader sees the old contents or the new, never half of either:
/// write a temporary file beside it, then rename over it. On any failure (a full disk, a folder
/// that cannot be written) the temporary file is removed and the old file is left as it was.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw LessonError.cannotWrite(path: url.path, reason: FileProblem.reason(for: error, at: temporary))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw LessonError.cannotWrite(path: url.path, reason: reason)
        }
    }
}
