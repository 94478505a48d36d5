import Foundation
import ArgumentParser
import Lessons
import NNKit

struct ChapterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter",
        abstract: "Read or run a chapter: 'lesson 3' reads chapter 3, 'lesson 3 run' runs it.",
        discussion: """
            'lesson 3 run' is short for 'lesson chapter 3 run'.

            Reading shows the chapter one section at a time on a terminal (Enter for the next,
            q to stop); piped into a file or another program, or with --all, it shows everything.

            Running trains the chapter's networks and prints what they learned. Add --seed to
            start from other random weights: the same seed always prints the same numbers.
            Chapters on Fashion-MNIST (4 on) also take --data, --out and, where a model is
            worth keeping, --save.
            """
    )

    enum Action: String, CaseIterable {
        case read
        case run
    }

    @Argument(help: ArgumentHelp("The chapter's number, as 'lesson list' shows it.", valueName: "chapter"))
    var chapterArgument: String?

    @Argument(help: ArgumentHelp("'read' (the default) or 'run'.", valueName: "action"))
    var actionArgument: String?

    @Option(help: "The seed for every random choice of a run.")
    var seed: UInt64 = 42

    @Option(help: "Threads for matrix products, \(OptionRange.text(OptionRange.threads)) (default: every core).")
    var threads: Int?

    @Option(help: ArgumentHelp("Folder with the Fashion-MNIST files (default: $FASHION_MNIST_DIR, else \(FashionMNIST.defaultDirectory)).",
                               valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Save the trained model here (safetensors), for 'lesson evaluate'.", valueName: "file"))
    var save: String?

    @Option(help: ArgumentHelp("Folder for the pictures a run writes (default: out).", valueName: "dir"))
    var out: String?

    @Flag(help: "When reading, show the whole chapter at once instead of section by section.")
    var all = false

    var chapter: any Chapter {
        get throws {
            guard let text = chapterArgument else {
                throw ValidationError("Which chapter? Try 'lesson list' to see them, then 'lesson 1'.")
            }
            guard let number = Int(text) else {
                throw ValidationError("'\(text)' is not a command or a chapter number. "
                                      + "Try 'lesson list' for the chapters or 'lesson --help' for the commands.")
            }
            guard let chapter = Catalog.chapter(number) else {
                throw ValidationError("There is no chapter \(number); chapters run from \(Catalog.range). "
                                      + "Try 'lesson list'.")
            }
            return chapter
        }
    }

    var action: Action {
        get throws {
            guard let text = actionArgument else { return .read }
            guard let action = Action(rawValue: text) else {
                let number = chapterArgument ?? "N"
                throw ValidationError("'\(text)' is not something a chapter can do. "
                                      + "Try 'lesson \(number) read' to read it or 'lesson \(number) run' to run it.")
            }
            return action
        }
    }

    func validate() throws {
        if chapterArgument == nil { return }
        _ = try chapter
        _ = try action
        if let threads { try OptionRange.check(threads, in: OptionRange.threads, option: "--threads", unit: " (the cores here)") }
        let chapter = try chapter
        let given: [(RunOption, String?)] = [(.data, data), (.save, save), (.out, out)]
        for (option, value) in given where value != nil && !chapter.runOptions.contains(option) {
            throw ValidationError("Chapter \(chapter.number) does not use --\(option.rawValue); "
                                  + "see 'lesson chapter --help' for which chapters do.")
        }
        if let save {
            guard save.hasSuffix(".safetensors") else {
                throw ValidationError("--save writes a safetensors file; give it a name ending in .safetensors, like model.safetensors.")
            }
            // Found out now, not after a minute of training.
            do {
                try FileProblem.checkCanWrite(file: URL(fileURLWithPath: save))
            } catch {
                throw ValidationError("--save: \(error)")
            }
        }
        if let out {
            do {
                try FileProblem.checkCanWrite(folder: URL(fileURLWithPath: out))
            } catch {
                throw ValidationError("--out: \(error)")
            }
        }
    }

    func run() throws {
        guard chapterArgument != nil else {
            try ListCommand().run()
            print("\nStart with 'lesson 1' to read chapter 1, or 'lesson --help' for every command.")
            return
        }
        let chapter = try chapter
        switch try action {
        case .read:
            try ChapterReader(chapter: chapter, showAll: all).show()
        case .run:
            if let threads { BLAS.threadCount = threads }
            let context = ChapterContext(console: Console(StandardOutput.shared), seed: seed,
                                         dataDirectory: FashionMNIST.directory(option: data),
                                         outputDirectory: URL(fileURLWithPath: out ?? "out"),
                                         modelFile: save.map { URL(fileURLWithPath: $0) })
            _ = try chapter.run(context)
        }
    }
}
