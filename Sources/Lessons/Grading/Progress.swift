import Foundation

/// Which exercises the learner has passed, kept in `exercises/progress.txt`: one id per line,
/// plain text a learner can read (and edit), rewritten atomically after every grading.
public struct Progress: Equatable, Sendable {
    public private(set) var passed: Set<String> = []

    public init(passed: Set<String> = []) {
        self.passed = passed
    }

    public static let fileName = "progress.txt"
    static let header = "# Exercises you have passed, one per line. 'lesson check' keeps this file up to date.\n"

    /// The progress saved in `workspace`, or none.
    public static func load(from workspace: URL) -> Progress {
        let url = workspace.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return Progress() }
        let ids = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return Progress(passed: Set(ids))
    }

    public mutating func record(_ exercise: Exercise, passed: Bool) {
        if passed { self.passed.insert(exercise.id) } else { self.passed.remove(exercise.id) }
    }

    public func hasPassed(_ exercise: Exercise) -> Bool {
        passed.contains(exercise.id)
    }

    /// Applies `change` to the progress saved in `workspace` and saves it, under a lock that
    /// every `lesson` process takes: two checks at once each add their own passes to what the
    /// other saved, and nothing is lost.
    public static func update(in workspace: URL, _ change: (inout Progress) -> Void) throws {
        let lockPath = workspace.appendingPathComponent(".progress.lock").path
        let lock = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            throw LessonError.cannotWrite(path: lockPath, reason: String(cString: strerror(errno)))
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(lock, LOCK_UN) }
        var progress = load(from: workspace)
        change(&progress)
        try progress.save(to: workspace)
    }

    public func save(to workspace: URL) throws {
        let ids = passed.sorted { lhs, rhs in
            lhs.split(separator: ".").compactMap { Int($0) }.lexicographicallyPrecedes(
                rhs.split(separator: ".").compactMap { Int($0) })
        }
        let text = Self.header + ids.map { $0 + "\n" }.joined()
        try AtomicFile.write(Data(text.utf8), to: workspace.appendingPathComponent(Self.fileName))
    }
}
