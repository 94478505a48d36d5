import ArgumentParser
import Foundation
import Lessons

/// `--data DIR`, for every command that reads Fashion-MNIST.
struct DataOption: ParsableArguments {
    @Option(help: ArgumentHelp(words: "option.data", ["folder": FashionMNIST.defaultDirectory], value: "folder"))
    var data: String?

    var directory: URL { FashionMNIST.directory(option: data) }
}

/// `--threads N`, for every command that trains.
struct ThreadsOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(words: "option.threads", ["range": OptionRange.text(OptionRange.threads)], value: "threads"))
    var threads: Int?

    func validate() throws {
        if let threads { try OptionRange.check(threads, in: OptionRange.threads, option: "--threads", unit: "cores") }
    }

    /// Sets the thread count, when one was given.
    func apply() {
        if let threads { MatrixThreads.count = threads }
    }
}

/// `--seed N`, for every command that draws at random.
struct SeedOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(words: "option.seed", value: "seed"))
    var seed: UInt64 = 42
}

/// `--time-limit S`, for the commands that grade.
struct TimeLimitOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            words: "option.timeLimit", ["range": OptionRange.text(OptionRange.timeLimit)], value: "timeLimit"))
    var timeLimit: Int = 10

    func validate() throws {
        try OptionRange.check(timeLimit, in: OptionRange.timeLimit, option: "--time-limit", unit: "seconds")
    }

    var duration: Duration { .seconds(timeLimit) }
}

/// `--out DIR`: checked for writing before any work starts.
struct OutOption: ParsableArguments {
    @Option(help: ArgumentHelp(words: "option.out", value: "folder"))
    var out: String?

    func validate() throws {
        guard let out else { return }
        if out.isEmpty { throw ValidationError(Words.shared("error.out.empty", ["example": "out"])) }
        do {
            try FileProblem.checkCanWrite(folder: URL(fileURLWithPath: out))
        } catch {
            throw ValidationError("--out: \(error)")
        }
    }

    /// The folder, or `fallback` when none was given.
    func folder(_ fallback: String = "out") -> URL {
        URL(fileURLWithPath: out ?? fallback)
    }
}
