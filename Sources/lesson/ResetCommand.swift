import ArgumentParser
import Lessons

struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Put an exercise back as it was shipped: 'lesson reset 1.2'.",
        discussion: """
            If your file has changes, reset refuses unless you add --force; with --force your \
            version is kept in exercises/.replaced/ (numbered, never overwritten) in case you want \
            it back.
            """
    )

    @Argument(
        help: ArgumentHelp("The exercise, like 1.2.", valueName: "exercise"),
        transform: { try ExerciseChoice.single($0, command: "reset") })
    var exercise: Exercise

    @Flag(help: "Replace the file even though it has your changes.")
    var force = false

    func run() throws {
        let project = try Project.locate()
        do {
            if case .restoredKeeping(let backup) = try project.reset(exercise, force: force) {
                let kept = project.replacedFolder.appendingPathComponent(backup)
                print(Words.shared("reset.kept", ["file": project.shownPath(kept)]))
            }
        } catch let refusal as Project.ResetNeedsForce {
            throw CommandFailure(refusal.description)
        }
        print(Words.shared("reset.done", ["file": project.shownPath(project.learnerFile(exercise))]))
    }
}
