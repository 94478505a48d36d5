import Foundation
import NNKit

/// One chapter of the course: its place in the catalog, the words a learner reads
/// (`content/NN-slug/`), and the experiment `lesson N run` performs.
public protocol Chapter: Sendable {
    /// 1, 2, 3, … as the learner types it.
    var number: Int { get }
    /// The content folder's name after its number: `logic-gates` → `content/01-logic-gates/`.
    var slug: String { get }
    var title: String { get }
    /// One line for `lesson list`.
    var abstract: String { get }
    /// The exercises the learner completes for this chapter, in order.
    var exercises: [Exercise] { get }
    /// The run options beyond `--seed` this chapter uses; the command line refuses the others.
    var runOptions: Set<RunOption> { get }
    /// Runs the chapter's experiments, writing to `context.console`; returns the figures it
    /// reports, for tests and summaries.
    func run(_ context: ChapterContext) throws -> ChapterReport
}

/// Options some chapters' runs take.
public enum RunOption: String, Sendable, CaseIterable {
    /// `--data DIR`: where Fashion-MNIST is.
    case data
    /// `--save FILE`: write the trained model.
    case save
    /// `--out DIR`: where pictures and charts go.
    case out
}

extension Chapter {
    public var runOptions: Set<RunOption> { [] }

    /// `01-logic-gates`: the content folder's name.
    public var folderName: String {
        (number < 10 ? "0" : "") + "\(number)-\(slug)"
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

    public init(console: Console, seed: UInt64, dataDirectory: URL = FashionMNIST.directory(option: nil),
                outputDirectory: URL = URL(fileURLWithPath: "out"), modelFile: URL? = nil) {
        self.console = console
        self.seed = seed
        self.dataDirectory = dataDirectory
        self.outputDirectory = outputDirectory
        self.modelFile = modelFile
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

/// The numbers a chapter's run arrived at, by name, in the order they were reported.
public struct ChapterReport: Sendable {
    public private(set) var figures: [(name: String, value: Double)] = []

    public init() {}

    public subscript(name: String) -> Double? {
        figures.first { $0.name == name }?.value
    }

    public mutating func record(_ name: String, _ value: Double) {
        figures.append((name, value))
    }
}
