import ArgumentParser
import Foundation
import Lessons
import NNKit

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-grade an exercise each time you save it, until you type q and Enter.",
        discussion: """
            Keep this running in one terminal and your editor in another: every time an exercise
            file in exercises/ is saved, it is graded and the verdict printed here.
            """
    )

    @Option(help: "Seconds each exercise may run before it is stopped, \(OptionRange.text(OptionRange.timeLimit)).")
    var timeLimit: Int = 10

    func validate() throws {
        try OptionRange.check(timeLimit, in: OptionRange.timeLimit, option: "--time-limit", unit: " seconds")
    }

    func run() throws {
        let project = try Project.locate()
        let console = Console(StandardOutput.shared)
        let session = GradingSession(project: project, console: console, timeLimit: .seconds(timeLimit),
                                     stopsOnInterrupt: true)
        try session.grader.prepare { console.line(console.style($0, .dim)) }
        try project.prepareWorkspace()
        let exercises = Catalog.chapters.flatMap(\.exercises)
        console.line("Watching exercises/: save an exercise file to grade it. Type q and Enter to stop.")
        if let next = nextUnsolved(exercises, project) {
            console.line("Start with exercises/\(next.fileName) (\(next.id) · \(next.title)).")
        }
        let quit = Thread {
            while let line = readLine() {
                if line.trimmingCharacters(in: .whitespaces).lowercased() == "q" { Foundation.exit(0) }
            }
        }
        quit.start()

        var stamps = modificationStamps(exercises, project)
        while true {
            usleep(300_000)
            let current = modificationStamps(exercises, project)
            let changed = exercises.filter { current[$0.id] != stamps[$0.id] && current[$0.id] != nil }
            stamps = current
            for exercise in changed {
                console.line()
                console.line(console.style("Saved \(exercise.fileName):", .dim))
                let passed = try Interruption.exitingOnInterruption { try session.grade([exercise]) } == 1
                if passed, let next = nextUnsolved(exercises, project) {
                    console.line("Next: exercises/\(next.fileName) (\(next.id) · \(next.title)).")
                }
            }
        }
    }

    private func modificationStamps(_ exercises: [Exercise], _ project: Project) -> [String: Date] {
        var stamps: [String: Date] = [:]
        for exercise in exercises {
            let attributes = try? FileManager.default.attributesOfItem(atPath: project.learnerFile(exercise).path)
            stamps[exercise.id] = attributes?[.modificationDate] as? Date
        }
        return stamps
    }

    private func nextUnsolved(_ exercises: [Exercise], _ project: Project) -> Exercise? {
        let progress = Progress.load(from: project.workspace)
        return exercises.first { !progress.hasPassed($0) }
    }
}
