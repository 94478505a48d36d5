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
    /// Runs the chapter's experiments, writing to `context.console`; returns the figures it
    /// reports, for tests and summaries.
    func run(_ context: ChapterContext) throws -> ChapterReport
}

extension Chapter {
    /// `01-logic-gates`: the content folder's name.
    public var folderName: String {
        (number < 10 ? "0" : "") + "\(number)-\(slug)"
    }
}

/// What a chapter's run receives: where to write, and the seed every random choice flows from.
public struct ChapterContext {
    public var console: Console
    public var seed: UInt64

    public init(console: Console, seed: UInt64) {
        self.console = console
        self.seed = seed
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
