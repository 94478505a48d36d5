import ArgumentParser
import Lessons

struct ResetCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reset", abstract: HelpWords.text("reset.abstract"),
            discussion: HelpWords.text("reset.discussion"))
    }

    @Argument(
        help: ArgumentHelp(words: "exercise", value: "exercise"),
        transform: { try ExerciseChoice.single($0, command: "reset") })
    var exercise: Exercise

    @Flag(help: ArgumentHelp(words: "reset.force"))
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
