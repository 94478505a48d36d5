import ArgumentParser
import Foundation
import Lessons

struct SolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution",
        abstract: "Show the reference solution of an exercise you have passed: 'lesson solution 1.2'.",
        discussion: "Compare it with yours: there is always more than one good answer."
    )

    @Argument(
        help: ArgumentHelp("The exercise, like 1.2.", valueName: "exercise"),
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
