import ArgumentParser
import Foundation
import Lessons

struct SolutionCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "solution", abstract: HelpWords.text("solution.abstract"),
            discussion: HelpWords.text("solution.discussion"))
    }

    @Argument(
        help: ArgumentHelp(words: "exercise", value: "exercise"),
        transform: { try ExerciseChoice.single($0, command: "solution") })
    var exercise: Exercise

    func run() throws {
        let project = try Project.locate()
        guard Progress.load(from: project.workspace).hasPassed(exercise) else {
            throw CommandFailure(Words.shared("solution.locked", ["id": exercise.id]))
        }
        print(try String(contentsOf: project.solution(exercise), encoding: .utf8), terminator: "")
    }
}
