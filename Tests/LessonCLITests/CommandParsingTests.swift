import ArgumentParser
import Foundation
import Testing

@testable import lesson

/// The command line parsed in process, as argument-parser's own tests do: what each command
/// line becomes, and the exact words of its errors and help.
@Suite("Parsing the command line")
struct CommandParsingTests {
    /// The message `lesson` prints for `arguments`, which must fail to parse or validate.
    static func message(_ arguments: [String]) -> String {
        do {
            _ = try LessonCommand.parseAsRoot(arguments)
            return "(parsed)"
        } catch {
            return LessonCommand.message(for: error)
        }
    }

    @Test(
        "Errors say what was wrong and what to type",
        arguments: [
            (
                ["42", "run"],
                "The value '42' is invalid for '<chapter>': there is no chapter 42; chapters run from 0 to 13. Try 'lesson list'."
            ),
            (
                ["fly"],
                "The value 'fly' is invalid for '<chapter>': it is not a command or a chapter number. Try 'lesson list' for the chapters or 'lesson --help' for the commands."
            ),
            (["1", "fly"], "The value 'fly' is invalid for '<action>'. Please provide one of 'read' and 'run'."),
            (
                ["check", "99.9"],
                "The value '99.9' is invalid for '<exercise>': there is no chapter 99; chapters run from 0 to 13. Try 'lesson list'."
            ),
            (
                ["check", "1.7"],
                "The value '1.7' is invalid for '<exercise>': chapter 1 has exercises 1.1, 1.2, 1.3, 1.4."
            ),
            (
                ["check", "x"],
                "The value 'x' is invalid for '<exercise>': it names no exercise: exercises are numbered like 1.2 (chapter 1, exercise 2). Try 'lesson list'."
            ),
            (
                ["check", "0.6"],
                "The value '0.6' is invalid for '<exercise>': chapter 0 has exercises 0.1, 0.2, 0.3, 0.4, 0.5."
            ),
            (
                ["watch", "99"],
                "The value '99' is invalid for '<chapter>': there is no chapter 99; chapters run from 0 to 13. Try 'lesson list'."
            ),
            (
                ["hint", "1"],
                "The value '1' is invalid for '<exercise>': 'lesson hint' takes one exercise, like 'lesson hint 1.1'."
            ),
            (
                ["reset", "2"],
                "The value '2' is invalid for '<exercise>': 'lesson reset' takes one exercise, like 'lesson reset 2.1'."
            ),
            (
                ["augment", "x.png", "--flip", "sideways"],
                "The value 'sideways' is invalid for '--flip <direction>'. Please provide one of 'horizontal', 'vertical' or 'both'."
            ),
            (
                ["augment", "x.png", "--fill", "mirror"],
                "The value 'mirror' is invalid for '--fill <mode>'. Please provide one of 'constant', 'nearest', 'reflect' or 'wrap'."
            ),
            (
                ["augment", "x.png", "--shift", "3"],
                "The value '3' is invalid for '--shift <dx,dy>': --shift takes two numbers separated by a comma, like 2,-3."
            ),
            (["augment", "x.png", "--zoom", "0"], "--zoom takes 0.1 to 10, got 0."),
            (["check", "--time-limit", "0"], "--time-limit takes 1 to 600 seconds, got 0."),
            (
                ["1", "run", "--save", "m.safetensors"],
                "Chapter 1 does not use --save; see 'lesson chapter --help' for which chapters do."
            ),
            (
                ["4", "run", "--save", "model.h5"],
                "--save writes a safetensors or a Keras file; give it a name ending in .safetensors or .keras, like model.safetensors."
            ),
            (
                ["4", "run", "--images", "1"],
                "Chapter 4 does not use --images; see 'lesson chapter --help' for which chapters do."
            ),
            (
                ["11", "run", "--images", "10000"],
                "The value '10000' is invalid for '--images <numbers>': --images takes test images 0 to 9999, got 10000."
            ),
            (
                ["11", "run", "--images", "1,x"],
                "The value '1,x' is invalid for '--images <numbers>': --images takes test image numbers separated by commas, like 0,15,4523."
            ),
            (
                ["11", "run", "--images", "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1"] as [String],
                "The value '1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1' is invalid for '--images <numbers>': --images takes at most 16 images, got 17."
            ),
        ])
    func errors(arguments: [String], expected: String) {
        #expect(Self.message(arguments) == expected)
    }

    @Test("A chapter run parses into its chapter, action and options")
    func chapterRun() throws {
        let command = try #require(
            try LessonCommand.parseAsRoot(["3", "run", "--seed", "7", "--epochs", "2"]) as? ChapterCommand)
        #expect(command.chapterNumber?.chapter.number == 3)
        #expect(command.action == .run)
        #expect(command.seed.seed == 7)
        #expect(command.epochs == 2)
        let reading = try #require(try LessonCommand.parseAsRoot(["5"]) as? ChapterCommand)
        #expect(reading.action == .read)
        #expect(reading.seed.seed == 42)
    }

    @Test("Negative numbers are values, not options")
    func negativeValues() throws {
        let command = try #require(
            try LessonCommand.parseAsRoot([
                "augment", "x.png", "--rotate", "-10", "--shift", "-2,3",
                "--shear", "-5",
            ]) as? AugmentCommand)
        #expect(command.rotate == -10)
        #expect(command.shift?.x == -2 && command.shift?.y == 3)
        #expect(command.shear == -5)
        #expect(Self.message(["1", "run", "--seed", "-1"]) == "The value '-1' is invalid for '--seed <seed>'")
    }

    @Test("Exercise choices parse into the exercises they name")
    func exerciseChoices() throws {
        let chapter = try #require(try LessonCommand.parseAsRoot(["check", "3"]) as? CheckCommand)
        #expect(chapter.selection?.exercises.map(\.id) == ["3.1", "3.2", "3.3", "3.4"])
        let one = try #require(try LessonCommand.parseAsRoot(["hint", "2.2"]) as? HintCommand)
        #expect(one.exercise.id == "2.2")
        let all = try #require(try LessonCommand.parseAsRoot(["check"]) as? CheckCommand)
        #expect(all.selection == nil)
        let warmUp = try #require(try LessonCommand.parseAsRoot(["check", "0"]) as? CheckCommand)
        #expect(warmUp.selection?.exercises.map(\.id) == ["0.1", "0.2", "0.3", "0.4", "0.5"])
        let hint = try #require(try LessonCommand.parseAsRoot(["hint", "0.1", "--more"]) as? HintCommand)
        #expect(hint.exercise.id == "0.1" && hint.more)
    }

    @Test("'lesson watch' takes an optional chapter to start at")
    func watchChapter() throws {
        let plain = try #require(try LessonCommand.parseAsRoot(["watch"]) as? WatchCommand)
        #expect(plain.chapter == nil)
        let warmUp = try #require(try LessonCommand.parseAsRoot(["watch", "0"]) as? WatchCommand)
        #expect(warmUp.chapter?.chapter.number == 0)
        let reading = try #require(try LessonCommand.parseAsRoot(["0"]) as? ChapterCommand)
        #expect(reading.chapterNumber?.chapter.number == 0 && reading.action == .read)
    }

    @Test(
        "Every command's help fits 80 columns",
        arguments: LessonCommand.configuration.subcommands.map { $0._commandName })
    func helpWidth(command: String) throws {
        let type = try #require(LessonCommand.configuration.subcommands.first { $0._commandName == command })
        let help = LessonCommand.helpMessage(for: type, columns: 80)
        for line in help.split(separator: "\n") {
            #expect(line.count <= 80, "lesson \(command) --help: \(line)")
        }
    }

    @Test("The help of 'lesson check' reads as pinned here")
    func checkHelp() {
        let help = LessonCommand.helpMessage(for: CheckCommand.self, columns: 80)
        #expect(
            help.trimmingCharacters(in: .newlines) == """
                OVERVIEW: Grade your exercises: all of them, one chapter's (3) or one (3.2).

                Your exercise files are in exercises/, one per exercise:
                1.1-step-function.swift, … Each is compiled with its grader and run in a
                process of its own, with a time limit, so a crash or an endless loop fails that
                exercise and the rest are still graded. A failure shows what the grader gave
                your code, what it expected and what came back. Progress is kept in
                exercises/progress.txt and shown by 'lesson list'.

                Examples:
                  lesson check          every exercise
                  lesson check 3        chapter 3's
                  lesson check 3.2      exercise 2 of chapter 3

                USAGE: lesson check [<exercise>] [--time-limit <time-limit>]

                ARGUMENTS:
                  <exercise>              A chapter (3) or an exercise (3.2); every exercise
                                          when left out.

                OPTIONS:
                  --time-limit <time-limit>
                                          Seconds each exercise may run before it is stopped, 1
                                          to 600. (default: 10)
                  -h, --help              Show help information.
                """)
    }
}
