import ArgumentParser
import Foundation
import Lessons

struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Put an exercise back as it was shipped: 'lesson reset 1.2'.",
        discussion: """
            If your file has changes, reset refuses unless you add --force; with --force your
            version is kept as exercises/.replaced/<file> in case you want it back.
            """
    )

    @Argument(help: ArgumentHelp("The exercise, like 1.2.", valueName: "exercise"))
    var exercise: String

    @Flag(help: "Replace the file even though it has your changes.")
    var force = false

    func validate() throws {
        _ = try ExerciseArgument.exercise(exercise, command: "reset")
    }

    func run() throws {
        let exercise = try ExerciseArgument.exercise(exercise, command: "reset")
        let project = try Project.locate()
        try FileManager.default.createDirectory(at: project.workspace, withIntermediateDirectories: true)
        let file = project.learnerFile(exercise)
        let original = try Data(contentsOf: project.stub(exercise))
        if let current = try? Data(contentsOf: file), current != original {
            guard force else {
                throw CommandFailure("exercises/\(exercise.fileName) has your changes. "
                                      + "'lesson reset \(exercise.id) --force' replaces it with the original "
                                      + "(your version is kept in exercises/.replaced/).")
            }
            let kept = project.workspace.appendingPathComponent(".replaced")
            try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
            try AtomicFile.write(current, to: kept.appendingPathComponent(exercise.fileName))
            print("Your version is kept as exercises/.replaced/\(exercise.fileName).")
        }
        try AtomicFile.write(original, to: file)
        var progress = Progress.load(from: project.workspace)
        progress.record(exercise, passed: false)
        try progress.save(to: project.workspace)
        print("exercises/\(exercise.fileName) is back as it was shipped.")
    }
}
