import Foundation

/// `lesson watch`: grades an exercise each time its file in the workspace is saved, and points
/// to the next one not yet passed. The command line only starts it and reads the keyboard.
public struct ExerciseWatcher {
    public let session: GradingSession
    /// How often the files are looked at.
    public var interval: Duration = .milliseconds(300)

    public init(session: GradingSession) {
        self.session = session
    }

    var project: Project { session.project }
    var console: Console { session.console }
    var exercises: [Exercise] { Catalog.chapters.flatMap(\.exercises) }

    /// Prepares the grader and the workspace and says where to start.
    public func start() throws {
        try session.grader.prepare { console.line(console.style($0, .dim)) }
        try project.prepareWorkspace()
        console.line("Watching exercises/: save an exercise file to grade it. Type q and Enter to stop.")
        if let next = nextUnsolved() {
            console.line("Start with exercises/\(next.fileName) (\(next.id) · \(next.title)).")
        }
    }

    /// Watches until the process ends: each saved file is graded, and after a pass the next
    /// exercise is named.
    public func run() throws -> Never {
        var stamps = modificationStamps()
        while true {
            Thread.sleep(forTimeInterval: Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18)
            let current = modificationStamps()
            let changed = exercises.filter { current[$0.id] != stamps[$0.id] && current[$0.id] != nil }
            stamps = current
            for exercise in changed {
                console.line()
                console.line(console.style("Saved \(exercise.fileName):", .dim))
                if try session.grade([exercise]) == 1, let next = nextUnsolved() {
                    console.line("Next: exercises/\(next.fileName) (\(next.id) · \(next.title)).")
                }
            }
        }
    }

    /// The first exercise, in course order, not yet passed, as progress on disk says.
    public func nextUnsolved() -> Exercise? {
        let progress = Progress.load(from: project.workspace)
        return exercises.first { !progress.hasPassed($0) }
    }

    private func modificationStamps() -> [String: Date] {
        var stamps: [String: Date] = [:]
        for exercise in exercises {
            let attributes = try? FileManager.default.attributesOfItem(atPath: project.learnerFile(exercise).path)
            stamps[exercise.id] = attributes?[.modificationDate] as? Date
        }
        return stamps
    }
}
