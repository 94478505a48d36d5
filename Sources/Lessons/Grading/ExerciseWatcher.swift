import Foundation

/// `lesson watch`: leads the learner through the exercises. It grades the current one (the first
/// not yet passed, as progress on disk says) at once, grades each exercise file again as soon as
/// it is saved, shows overall progress after every grade, moves on by itself when the current one
/// passes, and ends with a completion screen when all have passed. Keys, without Enter: h for a
/// hint, n for the next exercise, l for the list, q to quit.
///
/// An optional chapter (the Swift warm-up, chapter 0) is left out until the learner has begun
/// it, by passing one of its exercises, or asks for it with `lesson watch 0`.
public final class ExerciseWatcher {
    public let session: GradingSession
    /// How often the files are looked at.
    public var interval: Duration = .milliseconds(300)
    public private(set) var current: Exercise?
    /// The exercise whose nudge was last shown.
    private var hinted: Exercise?
    /// The chapter `lesson watch N` starts at, if one was named.
    public let startChapter: Int?
    /// The exercises this watch leads through, in course order, fixed when it starts.
    public let exercises: [Exercise]

    public init(session: GradingSession, startChapter: Int? = nil) {
        self.session = session
        self.startChapter = startChapter
        exercises = Self.watched(progress: Progress.load(from: session.project.workspace), startChapter: startChapter)
    }

    /// Every chapter's exercises in course order, except those of an optional chapter that the
    /// learner has not begun (none of its exercises passed) and has not named.
    static func watched(progress: Progress, startChapter: Int?) -> [Exercise] {
        Catalog.chapters.filter { chapter in
            !chapter.isOptional || chapter.number == startChapter
                || chapter.exercises.contains(where: progress.hasPassed)
        }.flatMap(\.exercises)
    }

    /// The optional chapters this watch leaves out.
    var leftOut: [any Chapter] {
        Catalog.chapters.filter { chapter in chapter.isOptional && !exercises.contains { $0.chapter == chapter.number }
        }
    }

    var project: Project { session.project }
    var console: Console { session.console }
    var words: Words { Words.shared }

    /// Watches until q is pressed or the input ends; returns whether every exercise has passed.
    @discardableResult
    public func run(keys: TerminalKeys) throws -> Bool {
        try session.grader.prepare { console.line(console.style($0, .dim)) }
        try project.prepareWorkspace()
        console.say(words("watch.intro", ["folder": project.shownPath(project.workspace) + "/"]))
        for chapter in leftOut {
            console.say(words("watch.optional", ["number": "\(chapter.number)", "title": chapter.title]))
        }
        current = nextUnsolved()
        guard let first = current else { return complete() }
        announce(first)
        if try grade(first) { return complete() }
        var stamps = modificationStamps()
        while true {
            if let key = keys.next(waitingAtMost: interval) {
                switch key {
                case "q", "Q", "\u{4}", "\u{3}":
                    console.line(words("watch.bye"))
                    return false
                case "h", "H":
                    // The nudge first; pressed again for the same exercise, the stronger hint too.
                    if let current {
                        console.line()
                        for line in HintText.lines(
                            for: current, file: project.shownPath(project.learnerFile(current)), more: hinted == current
                        ) { console.line(line) }
                        hinted = current
                    }
                case "n", "N":
                    current = next(after: current)
                    if let current { announce(current) }
                case "l", "L":
                    console.line()
                    for line in ChapterList.lines(progress: Progress.load(from: project.workspace), console: console) {
                        console.line(line)
                    }
                default:
                    console.say(words("watch.keys"))
                }
            }
            let now = modificationStamps()
            // Any saved file is graded, a left-out chapter's too; only the watched ones lead on.
            let changed = Catalog.chapters.flatMap(\.exercises).filter {
                now[$0.id] != stamps[$0.id] && now[$0.id] != nil
            }
            stamps = now
            for exercise in changed {
                console.line()
                console.line(console.style(words("watch.saved", ["file": exercise.fileName]), .dim))
                if try grade(exercise), exercise == current {
                    guard let next = nextUnsolved() else { return complete() }
                    current = next
                    announce(next)
                }
            }
        }
    }

    /// Grades `exercise`, then shows overall progress; returns whether it passed.
    private func grade(_ exercise: Exercise) throws -> Bool {
        let passed = try session.grade([exercise], summarize: false) == 1
        console.line(progressLine())
        return passed
    }

    private func announce(_ exercise: Exercise) {
        console.line()
        console.say(
            words(
                "watch.current",
                ["id": exercise.id, "title": exercise.title, "file": project.shownPath(project.learnerFile(exercise))]))
        console.say(words("watch.keys"))
    }

    /// "Progress 9/32 █████░░░░░░░░░░░░░░░".
    func progressLine() -> String {
        let passed = Progress.load(from: project.workspace)
        let done = exercises.filter(passed.hasPassed).count
        let filled = exercises.isEmpty ? 0 : done * 20 / exercises.count
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
        return words("watch.progress", ["done": "\(done)", "total": "\(exercises.count)", "bar": bar])
    }

    private func complete() -> Bool {
        console.line()
        console.line(progressLine())
        let chapters = exercises.map(\.chapter)
        let range = Words.shared("catalog.span", ["low": "\(chapters.min() ?? 0)", "high": "\(chapters.max() ?? 0)"])
        console.say(console.style(words("watch.complete", ["total": "\(exercises.count)", "chapters": range]), .green))
        return true
    }

    /// The first exercise not yet passed, as progress on disk says: in course order from the
    /// start chapter on, then going round to those before it.
    public func nextUnsolved() -> Exercise? {
        let progress = Progress.load(from: project.workspace)
        let start = startChapter.flatMap { number in exercises.firstIndex { $0.chapter >= number } } ?? 0
        return (exercises[start...] + exercises[..<start]).first { !progress.hasPassed($0) }
    }

    /// The next exercise after `exercise` not yet passed, going round; `exercise` itself when it
    /// is the only one left.
    func next(after exercise: Exercise?) -> Exercise? {
        let progress = Progress.load(from: project.workspace)
        let start = exercise.flatMap { exercises.firstIndex(of: $0) } ?? -1
        let order = exercises[(start + 1)...] + exercises[...max(start, 0)]
        return order.first { !progress.hasPassed($0) } ?? exercise
    }

    private func modificationStamps() -> [String: Date] {
        var stamps: [String: Date] = [:]
        for exercise in Catalog.chapters.flatMap(\.exercises) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: project.learnerFile(exercise).path)
            stamps[exercise.id] = attributes?[.modificationDate] as? Date
        }
        return stamps
    }
}
