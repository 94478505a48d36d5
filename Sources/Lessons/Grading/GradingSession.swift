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
    public init(project: Project, console: Console, timeLimit: Duration = .seconds(10),
                stopsOnInterrupt: Bool = false) {
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
            console.line("Your exercise files are in \(displayPath(project.workspace))/ "
                         + "(\(added.count) new: \(added.map(\.id).joined(separator: ", "))).")
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
        let summary = "\(passed) of \(exercises.count) exercise\(exercises.count == 1 ? "" : "s") passed."
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
        let shown = lines.suffix(limit).map { indent + "│ " + ($0.count > 200 ? $0.prefix(200) + "…" : $0) }
        let skipped = lines.count - shown.count
        return [indent + "Your code printed" + (skipped > 0 ? " (the last \(limit) of \(lines.count) lines):" : ":")] + shown
    }

    /// The verdict on one exercise, as the learner reads it.
    public func describe(_ exercise: Exercise, _ outcome: ExerciseGrader.Outcome) -> [String] {
        let title = "\(console.mark(outcome.passed)) \(exercise.id)  \(exercise.title)"
        let indent = "       "
        let hint = indent + "Stuck? 'lesson hint \(exercise.id)'"
        switch outcome {
        case .passed:
            return [title]
        case .failed(let given, let expected, let got):
            // Each on its own lines, a long one wrapped under itself within 80 columns.
            func labelled(_ label: String, _ text: String) -> [String] {
                let pad = String(repeating: " ", count: indent.count + 10)
                let wrapped = TextLayout.wrapped(pad + text, width: 80).split(separator: "\n").map(String.init)
                return wrapped.enumerated().map { index, line in
                    index == 0 ? indent + label + line.dropFirst(pad.count) : line
                }
            }
            return [title] + labelled("given     ", given) + labelled("expected  ", expected) + labelled("got       ", got)
                + [hint]
        case .doesNotCompile(let messages):
            return [title + " does not compile:"]
                + messages.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
                + [indent + "Grading needs code that compiles: fix the first error above, then 'lesson check \(exercise.id)'."]
        case .crashed(let reason):
            // "Fatal error: … (at file.swift:22, in f(_:))": the reason, then where, each wrapped.
            var parts = [reason]
            if let at = reason.range(of: " (at ", options: .backwards), reason.hasSuffix(")") {
                parts = [String(reason[..<at.lowerBound]), "at " + reason[at.upperBound...].dropLast()]
            }
            return [title + " crashed:"]
                + parts.flatMap { TextLayout.wrapped(indent + $0, width: 80).split(separator: "\n").map(String.init) }
                + [hint]
        case .unreadable(let reason):
            return [title + " cannot be graded:"]
                + TextLayout.wrapped(indent + reason, width: 80).split(separator: "\n").map(String.init)
                + [indent + "'lesson reset \(exercise.id)' puts the original file back."]
        case .timedOut(let seconds):
            return [title + " timed out after \(seconds) s (is there a loop that never ends?)", hint]
        }
    }

    func displayPath(_ url: URL) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(current) ? String(url.path.dropFirst(current.count)) : url.path
    }
}
