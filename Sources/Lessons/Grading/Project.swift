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
        throws -> Project
    {
        let content = try ContentLibrary.locate(environment: environment)
        let workspace = environment["LESSON_WORKSPACE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        return Project(root: content.root.deletingLastPathComponent(), workspace: workspace)
    }

    public var content: ContentLibrary {
        ContentLibrary(root: root.appendingPathComponent("content"))
    }

    /// Where the course's chapters live, each with its stubs, solutions and checks in
    /// `content/NN-slug/exercises/`.
    public var exerciseSources: URL {
        root.appendingPathComponent("content")
    }

    /// Grading's own build folder, apart from `.build` so that grading never waits on, or
    /// disturbs, a build or test run in progress.
    public var graderBuild: URL {
        root.appendingPathComponent(".build-grader")
    }

    public func chapterFolder(_ exercise: Exercise) -> URL {
        let name = Catalog.chapter(exercise.chapter)?.folderName ?? "\(exercise.chapter)"
        return exerciseSources.appendingPathComponent(name).appendingPathComponent("exercises")
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

    /// `url` as the learner would type it: relative to the working folder when it lies inside
    /// it, else in full (a workspace elsewhere, `$LESSON_WORKSPACE`).
    public func shownPath(_ url: URL, from folder: String = FileManager.default.currentDirectoryPath) -> String {
        let current = folder.hasSuffix("/") ? folder : folder + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }

    /// The learner's copy.
    public func learnerFile(_ exercise: Exercise) -> URL {
        workspace.appendingPathComponent(exercise.fileName)
    }

    /// The instructions of `exercise`'s stub in `language`, beside the stub: `N.M-slug.ko.txt`
    /// holds the Korean `///` block.
    public func instructions(_ exercise: Exercise, language: Language) -> URL {
        chapterFolder(exercise).appendingPathComponent("\(exercise.id)-\(exercise.slug)\(language.fileSuffix).txt")
    }

    /// The stub as a learner in `language` gets it: the shipped file, its first `///` block
    /// (the instructions) in that language when a translation exists. Code is never changed.
    public func shippedStub(_ exercise: Exercise, language: Language = .current) throws -> Data {
        let original = try FileProblem.read(stub(exercise))
        guard language != .english,
            let translated = try? String(contentsOf: instructions(exercise, language: language), encoding: .utf8),
            let source = String(data: original, encoding: .utf8)
        else { return original }
        return Data(Self.replacingInstructions(of: source, with: translated).utf8)
    }

    /// `source` with its first run of `///` lines replaced by the `///` lines of `instructions`.
    static func replacingInstructions(of source: String, with instructions: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("///") }) else { return source }
        let end = lines[start...].firstIndex { !$0.hasPrefix("///") } ?? lines.endIndex
        let replacement = instructions.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { $0.hasPrefix("///") }
        guard !replacement.isEmpty else { return source }
        lines.replaceSubrange(start..<end, with: replacement)
        return lines.joined(separator: "\n")
    }

    /// Copies in every stub the workspace lacks, with its instructions in the learner's
    /// language; the learner's own files are never touched. Returns the exercises it added.
    @discardableResult
    public func prepareWorkspace() throws -> [Exercise] {
        try FileProblem.createFolder(workspace)
        var added: [Exercise] = []
        for exercise in Catalog.chapters.flatMap(\.exercises)
        where !FileManager.default.fileExists(atPath: learnerFile(exercise).path) {
            try AtomicFile.write(try shippedStub(exercise), to: learnerFile(exercise))
            added.append(exercise)
        }
        return added
    }
}
