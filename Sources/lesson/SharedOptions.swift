import ArgumentParser
import Foundation
import Lessons

/// `--data DIR`, for every command that reads Fashion-MNIST.
struct DataOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder with the Fashion-MNIST files (default: $FASHION_MNIST_DIR, else \(FashionMNIST.defaultDirectory)).",
            valueName: "dir"))
    var data: String?

    var directory: URL { FashionMNIST.directory(option: data) }
}

/// `--threads N`, for every command that trains.
struct ThreadsOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Threads for matrix products, \(OptionRange.text(OptionRange.threads)) (default: every core).")
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
    @Option(parsing: .unconditional, help: "The seed for every random choice: the same seed gives the same numbers.")
    var seed: UInt64 = 42
}

/// `--time-limit S`, for the commands that grade.
struct TimeLimitOption: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Seconds each exercise may run before it is stopped, \(OptionRange.text(OptionRange.timeLimit)).")
    var timeLimit: Int = 10

    func validate() throws {
        try OptionRange.check(timeLimit, in: OptionRange.timeLimit, option: "--time-limit", unit: "seconds")
    }

    var duration: Duration { .seconds(timeLimit) }
}

/// `--out DIR`: checked for writing before any work starts.
struct OutOption: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for the pictures and files a run writes (default: out).", valueName: "dir"))
    var out: String?

    func validate() throws {
        guard let out else { return }
        if out.isEmpty { throw ValidationError("--out needs a folder name, like --out out.") }
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
