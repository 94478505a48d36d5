import Foundation
import NNKit

/// One chapter of the course: its place in the catalog, the words a learner reads
/// (`content/NN-slug/`), and the experiment `lesson N run` performs.
public protocol Chapter: Sendable {
    /// 0, 1, 2, … as the learner types it; 0 is the optional warm-up.
    var number: Int { get }
    /// Whether a learner may skip this chapter (the Swift warm-up): `lesson list` says so, and
    /// `lesson watch` leaves its exercises out until the learner begins them.
    var isOptional: Bool { get }
    /// The content folder's name after its number: `logic-gates` → `content/01-logic-gates/`.
    var slug: String { get }
    /// The exercises' names after their numbers, in order: `["step-function", …]` for
    /// `1.1-step-function.swift`, …; their titles and hints are in the chapter's words.
    var exerciseSlugs: [String] { get }
    /// The run options beyond `--seed` this chapter uses; the command line refuses the others.
    var runOptions: Set<RunOption> { get }
    /// What a run arrives at, one typed field per figure it reports.
    associatedtype Result: Sendable & Equatable

    /// Runs the chapter's experiments, writing to `context.console`; returns the figures it
    /// reports, for tests and summaries.
    func run(_ context: ChapterContext) throws -> Result
}

/// Options some chapters' runs take.
public enum RunOption: String, Sendable, CaseIterable {
    /// `--data DIR`: where Fashion-MNIST is.
    case data
    /// `--save FILE`: write the trained model.
    case save
    /// `--out DIR`: where pictures and charts go.
    case out
    /// `--images 0,15,…`: the test images to predict.
    case images
}

extension Chapter {
    public var runOptions: Set<RunOption> { [] }
    public var isOptional: Bool { false }

    /// `01-logic-gates`: the content folder's name.
    public var folderName: String {
        (number < 10 ? "0" : "") + "\(number)-\(slug)"
    }

    /// Everything this chapter says, from `content/NN-slug/words.txt`.
    public var words: Words { Words.chapter(folderName) }

    public var title: String { words("title") }

    /// One line for `lesson list`.
    public var abstract: String { words("abstract") }

    /// The exercises the learner completes for this chapter, in order.
    public var exercises: [Exercise] {
        exerciseSlugs.enumerated().map { index, slug in
            Exercise(
                chapter: number, number: index + 1, slug: slug, title: words("exercise.\(index + 1).title"),
                hint: words("exercise.\(index + 1).hint"), moreHint: words("exercise.\(index + 1).more"))
        }
    }
}

/// What a chapter's run receives: where to write, the seed every random choice flows from,
/// and the options it accepts.
public struct ChapterContext {
    public var console: Console
    public var seed: UInt64
    /// The Fashion-MNIST folder (`--data`, `$FASHION_MNIST_DIR`, or Debian's).
    public var dataDirectory: URL
    /// Where pictures are written (`--out`, default `out/`), one subfolder per chapter.
    public var outputDirectory: URL
    /// Where to save the trained model (`--save`), if anywhere.
    public var modelFile: URL?
    /// A smaller run, for a quick look and for tests: at most this many epochs per model
    /// (`--epochs`), and for chapters on Fashion-MNIST at most this many training and test
    /// images (the first ones; the splits keep their fractions).
    public var epochLimit: Int?
    public var sampleLimit: Int?
    /// The test images a chapter that predicts shows (`--images`), instead of its seeded choice.
    public var imageRows: [Int]?
    /// Fashion-MNIST already in memory, used instead of reading `dataDirectory` (tests that run
    /// many chapters read it once).
    public var preloaded: FashionMNIST?

    public init(
        console: Console, seed: UInt64, dataDirectory: URL = FashionMNIST.directory(option: nil),
        outputDirectory: URL = URL(fileURLWithPath: "out"), modelFile: URL? = nil
    ) {
        self.console = console
        self.seed = seed
        self.dataDirectory = dataDirectory
        self.outputDirectory = outputDirectory
        self.modelFile = modelFile
    }

    /// `epochs`, or fewer under `epochLimit`.
    public func epochs(_ epochs: Int) -> Int {
        min(epochs, epochLimit ?? epochs)
    }

    /// Fashion-MNIST from `dataDirectory`, cut to `sampleLimit` images per set when one is set.
    public func fashionMNIST() throws -> FashionMNIST {
        var data = try preloaded ?? FashionMNIST.load(from: dataDirectory)
        if let limit = sampleLimit {
            data.trainImages = data.trainImages.rows(0..<min(limit, data.trainImages.rows))
            data.trainLabels = data.trainLabels.rows(0..<min(limit, data.trainLabels.rows))
            data.testImages = data.testImages.rows(0..<min(limit, data.testImages.rows))
            data.testLabels = data.testLabels.rows(0..<min(limit, data.testLabels.rows))
        }
        return data
    }

    /// The chapter's own picture folder, created if needed: `out/04-fashion-mnist/`.
    public func pictureFolder(for chapter: any Chapter) throws -> URL {
        let folder = outputDirectory.appendingPathComponent(chapter.folderName)
        do {
            try FileProblem.createFolder(folder)
        } catch let LessonError.cannotWrite(path, reason) {
            throw LessonError.cannotWrite(path: path, reason: reason + "; choose another folder with --out DIR")
        }
        return folder
    }
}

/// The numbers a chapter's run arrived at, by name, in the order they were reported: the
/// untyped result chapters are moving away from (each gets a `Result` struct of its own).
public struct ChapterReport: Sendable, Equatable {
    public static func == (lhs: ChapterReport, rhs: ChapterReport) -> Bool {
        lhs.figures.map(\.name) == rhs.figures.map(\.name) && lhs.figures.map(\.value) == rhs.figures.map(\.value)
    }

    public private(set) var figures: [(name: String, value: Double)] = []

    public init() {}

    public subscript(name: String) -> Double? {
        figures.first { $0.name == name }?.value
    }

    public mutating func record(_ name: String, _ value: Double) {
        figures.append((name, value))
    }
}
