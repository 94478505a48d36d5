import ArgumentParser
import Foundation
import Lessons

struct ChapterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "chapter", abstract: HelpWords.text("chapter.abstract"),
            usage: HelpWords.text("chapter.usage"), discussion: HelpWords.text("chapter.discussion"))
    }

    @Argument(
        help: ArgumentHelp(words: "chapter.chapter", value: "chapter"),
        transform: ChapterNumber.parse)
    var chapterNumber: ChapterNumber?

    @Argument(help: ArgumentHelp(words: "chapter.action", value: "action"))
    var action: ChapterAction = .read

    @OptionGroup var seed: SeedOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var data: DataOption

    @Option(help: ArgumentHelp(words: "chapter.save", value: "file"))
    var save: String?

    @OptionGroup var out: OutOption

    @Option(
        help: ArgumentHelp(words: "chapter.images", value: "testImages"),
        transform: TestImageNumbers.parse)
    var images: TestImageNumbers?

    @Option(parsing: .unconditional, help: ArgumentHelp(words: "chapter.epochs", value: "epochLimit"))
    var epochs: Int?

    @Flag(help: ArgumentHelp(words: "chapter.all"))
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
                throw ValidationError(Words.shared("error.save.format"))
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
            // The list ends by saying where to start and how to see every command.
            try ListCommand().run()
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
