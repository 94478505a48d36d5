import ArgumentParser
import Lessons

@main
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "A deep-learning playground: numbered chapters, each a runnable experiment.",
        discussion: """
            Start with 'lesson list', then read a chapter and run it:

              lesson list             the chapters, one line each
              lesson 1                read chapter 1 (same as 'lesson 1 read')
              lesson 1 run            run it: watch a network learn
              lesson 3 run --seed 7   the same from another random start
              lesson check            grade your exercises (in exercises/)
              lesson hint 1.2         a nudge for exercise 1.2
              lesson augment --help   transform your own images
              lesson bench            how fast training runs here

            Every random choice (initial weights, shuffling, dropout,
            augmentation) follows --seed: the same seed, the same numbers.
            """,
        subcommands: [ListCommand.self, ChapterCommand.self, CheckCommand.self, HintCommand.self,
                      ResetCommand.self, SolutionCommand.self, WatchCommand.self, EvaluateCommand.self, AugmentCommand.self, BenchCommand.self],
        defaultSubcommand: ChapterCommand.self
    )
}
