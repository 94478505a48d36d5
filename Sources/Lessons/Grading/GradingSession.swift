import Foundation

/// Grades a selection of exercises for the learner: prepares the grader and the workspace,
/// grades each exercise in turn, prints one verdict each, and keeps `progress.txt` current.
public struct GradingSession {
    public let project: Project
    public var grader: ExerciseGrader
    public let console: Console
    /// Grade the reference solutions instead of the learner's files (for contributors); progress
    /// is then left alone.
    public var gradesReferenceSolutions = false

    /// `stopsOnInterrupt`: Ctrl-C ends the exercise being graded, with all its processes, and
    /// then this session (`Interruption`); for the command line.
    public init(
        project: Project, console: Console, timeLimit: Duration = .seconds(10),
        stopsOnInterrupt: Bool = false
    ) {
        self.project = project
        self.console = console
        self.grader = ExerciseGrader(project: project, timeLimit: timeLimit)
        grader.stopsOnInterrupt = stopsOnInterrupt
    }

    /// Grades `exercises` and returns how many passed.
    @discardableResult
    /// `summarize`: end with a blank line and "N of M exercises passed."
    public func grade(_ exercises: [Exercise], summarize: Bool = true) throws -> Int {
        try grader.prepare { console.line(console.style($0, .dim)) }
        if !grader.hasSandbox { console.line(console.style(Sandbox.missingNote, .dim)) }
        let added = try project.prepareWorkspace()
        // Best effort: an editor's help is welcome, never a reason for grading to fail.
        try? grader.writeEditorConfiguration(for: Catalog.chapters.flatMap(\.exercises))
        if !added.isEmpty {
            console.say(
                Self.words(
                    "grade.files",
                    [
                        "path": project.shownPath(project.workspace), "count": "\(added.count)",
                        "ids": added.map(\.id).joined(separator: ", "),
                    ]))
        }
        var passed = 0
        for exercise in exercises {
            let source = gradesReferenceSolutions ? project.solution(exercise) : project.learnerFile(exercise)
            let outcome: ExerciseGrader.Outcome
            let printed: String
            do {
                (outcome, printed) = try grader.gradeShowingOutput(exercise, source: source)
            } catch let problem as LessonError {
                // One file that cannot be read (a folder, a link loop) fails that exercise only.
                (outcome, printed) = (.unreadable(problem.description), "")
            }
            if outcome.passed { passed += 1 }
            for line in describe(exercise, outcome) { console.line(line) }
            if !outcome.passed { for line in Self.printedLines(printed) { console.line(line) } }
            if !gradesReferenceSolutions {
                try Progress.update(in: project.workspace) { $0.record(exercise, passed: outcome.passed) }
            }
        }
        guard summarize else { return passed }
        console.line()
        let summary = Self.words(
            exercises.count == 1 ? "grade.summary.one" : "grade.summary",
            ["passed": "\(passed)", "total": "\(exercises.count)"])
        console.line(passed == exercises.count ? console.style(summary, .green) : summary)
        return passed
    }

    /// What the learner's code printed, under a heading of its own: at most 20 lines (the
    /// last ones, where a failure usually is), each cut at 200 characters.
    static func printedLines(_ printed: String, limit: Int = 20) -> [String] {
        let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .reversed().drop { $0.isEmpty }.reversed()
        guard !lines.isEmpty else { return [] }
        let indent = "       "
        let words = Self.words
        let shown = lines.suffix(limit).map { indent + "│ " + ($0.count > 200 ? $0.prefix(200) + "…" : $0) }
        let skipped = lines.count - shown.count
        let heading =
            skipped > 0
            ? words("grade.printed.last", ["limit": "\(limit)", "count": "\(lines.count)"])
            : words("grade.printed")
        return [indent + heading] + shown
    }

    /// The verdict on one exercise, as the learner reads it.
    public func describe(_ exercise: Exercise, _ outcome: ExerciseGrader.Outcome) -> [String] {
        let title = "\(console.mark(outcome.passed)) \(exercise.id)  \(exercise.title)"
        let indent = "       "
        let words = Self.words
        let hint = indent + words("grade.stuck", ["id": exercise.id])
        switch outcome {
        case .passed:
            return [title]
        case .failed(let englishGiven, let englishExpected, let englishGot):
            let translation = CheckTranslation.load(for: exercise, in: project)
            let (given, expected, got) = (
                translation.translate(englishGiven), translation.translate(englishExpected),
                translation.translate(englishGot)
            )
            // Each on its own lines, a long one wrapped under itself within 80 columns.
            func labelled(_ label: String, _ text: String) -> [String] {
                let pad = String(repeating: " ", count: indent.count + 10)
                let wrapped = TextLayout.wrapped(pad + text, width: 80).split(separator: "\n").map(String.init)
                return wrapped.enumerated().map { index, line in
                    index == 0 ? indent + label + line.dropFirst(pad.count) : line
                }
            }
            return [title] + labelled(Format.padded(words("grade.given"), 10), given)
                + labelled(Format.padded(words("grade.expected"), 10), expected)
                + labelled(Format.padded(words("grade.got"), 10), got) + [hint]
        case .doesNotCompile(let messages):
            return [words("grade.doesNotCompile", ["title": title])]
                + messages.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
                + TextLayout.wrapped(indent + words("grade.fixFirst", ["id": exercise.id]), width: 80)
                .split(separator: "\n").map(String.init)
        case .crashed(let reason):
            // "Fatal error: … (at file.swift:22, in f(_:))": the reason, then where, each wrapped.
            var parts = [reason]
            if let at = reason.range(of: " (at ", options: .backwards), reason.hasSuffix(")") {
                parts = [
                    String(reason[..<at.lowerBound]),
                    words("grade.crashed.at", ["place": String(reason[at.upperBound...].dropLast())]),
                ]
            }
            return [words("grade.crashed", ["title": title])]
                + parts.flatMap { TextLayout.wrapped(indent + $0, width: 80).split(separator: "\n").map(String.init) }
                + [hint]
        case .unreadable(let reason):
            return [words("grade.unreadable", ["title": title])]
                + TextLayout.wrapped(indent + reason, width: 80).split(separator: "\n").map(String.init)
                + [indent + words("grade.reset", ["id": exercise.id])]
        case .timedOut(let seconds):
            return [words("grade.timedOut", ["title": title, "seconds": "\(seconds)"]), hint]
        }
    }

    /// The grader's sentences, in the learner's language (content/words.txt, `grade.…`).
    static var words: Words { Words.shared }
}
