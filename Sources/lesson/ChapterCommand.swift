import ArgumentParser
import Foundation
import Lessons

struct ChapterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter",
        abstract: "Read or run a chapter: 'lesson 3' reads chapter 3, 'lesson 3 run' runs it.",
        usage: """
            lesson <chapter> [read | run] [<options>]
            lesson chapter <chapter> [read | run] [<options>]
            """,
        discussion: """
            'lesson 3 run' is short for 'lesson chapter 3 run'.

            Reading shows the chapter one section at a time on a terminal (Enter for the next, q to \
            stop); piped into a file or another program, or with --all, it shows everything.

            Running trains the chapter's networks and prints what they learned. Add --seed to start \
            from other random weights: the same seed always prints the same numbers. Chapters on \
            Fashion-MNIST (4 on) also take --data, --out and, where a model is worth keeping, \
            --save.
            """
    )

    @Argument(
        help: ArgumentHelp("The chapter's number, as 'lesson list' shows it.", valueName: "chapter"),
        transform: ChapterNumber.parse)
    var chapterNumber: ChapterNumber?

    @Argument(help: ArgumentHelp("'read' (the default) or 'run'.", valueName: "action"))
    var action: ChapterAction = .read

    @OptionGroup var seed: SeedOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var data: DataOption

    @Option(
        help: ArgumentHelp(
            "Save the trained model here (.safetensors, or .keras for Keras), for 'lesson evaluate'.", valueName: "file"
        ))
    var save: String?

    @OptionGroup var out: OutOption

    @Option(
        help: ArgumentHelp("The test images to predict, by number (chapter 11), like 0,15,4523.", valueName: "numbers"),
        transform: TestImageNumbers.parse)
    var images: TestImageNumbers?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "At most this many epochs per model, for a quicker look (the numbers then differ from the chapter's).",
            valueName: "n"))
    var epochs: Int?

    @Flag(help: "When reading, show the whole chapter at once instead of section by section.")
    var all = false

    func validate() throws {
        guard let chapter = chapterNumber?.chapter else { return }
        let given: [(RunOption, Bool)] = [
            (.data, data.data != nil), (.save, save != nil), (.out, out.out != nil),
            (.images, images != nil),
        ]
        for (option, isGiven) in given where isGiven && !chapter.runOptions.contains(option) {
            throw ValidationError(
                Words.shared("error.optionUnused", ["number": "\(chapter.number)", "option": option.rawValue]))
        }
        if let epochs { try OptionRange.check(epochs, in: OptionRange.chapterEpochs, option: "--epochs") }
        if let save {
            guard save.hasSuffix(".safetensors") || save.hasSuffix(".keras") else {
                throw ValidationError(
                    "--save writes a safetensors or a Keras file; give it a name ending in .safetensors or .keras, like model.safetensors."
                )
            }
            // Found out now, not after a minute of training.
            do {
                try FileProblem.checkCanWrite(file: URL(fileURLWithPath: save))
            } catch {
                throw ValidationError("--save: \(error)")
            }
        }
    }

    func run() throws {
        guard let chapter = chapterNumber?.chapter else {
            try ListCommand().run()
            print("\nStart with 'lesson 1' to read chapter 1, or 'lesson --help' for every command.")
            return
        }
        switch action {
        case .read:
            try ChapterReader(chapter: chapter, showAll: all).show()
        case .run:
            threads.apply()
            var context = ChapterContext(
                console: Console.standardOutput, seed: seed.seed, dataDirectory: data.directory,
                outputDirectory: out.folder(), modelFile: save.map { URL(fileURLWithPath: $0) })
            context.epochLimit = epochs
            context.imageRows = images?.rows
            _ = try chapter.run(context)
        }
    }
}
