import Foundation

extension Project {
    /// What `reset` did.
    public enum ResetOutcome: Equatable, Sendable {
        /// The file was already as shipped (or missing) and is now the original.
        case restored
        /// The learner's version was kept under this name in `exercises/.replaced/`.
        case restoredKeeping(backup: String)
    }

    /// A reset that needs `force`: the learner's file has changes.
    public struct ResetNeedsForce: Error, CustomStringConvertible {
        public let exercise: Exercise
        /// The learner's file and the folder its changes are kept in, as shown.
        public let file: String
        public let keptFolder: String
        public var description: String {
            Words.shared("reset.needsForce", ["file": file, "id": exercise.id, "kept": keptFolder])
        }
    }

    /// Where `reset --force` keeps the learner's versions.
    public var replacedFolder: URL { workspace.appendingPathComponent(".replaced") }

    /// Puts `exercise`'s file back as shipped and forgets its pass. A file with changes is
    /// replaced only with `force`, and then first kept in `exercises/.replaced/` under a name
    /// no earlier reset used (`1.2-perceptron-rule.swift`, then `1.2-perceptron-rule.2.swift`, …).
    public func reset(_ exercise: Exercise, force: Bool) throws -> ResetOutcome {
        try FileProblem.createFolder(workspace)
        let file = learnerFile(exercise)
        let original = try shippedStub(exercise)
        // Untouched in any language (a workspace begun in English, reset in Korean) is untouched.
        let untouched = Set([original] + Language.allCases.compactMap { try? shippedStub(exercise, language: $0) })
        var outcome = ResetOutcome.restored
        if let current = try? Data(contentsOf: file), !untouched.contains(current) {
            guard force else {
                throw ResetNeedsForce(
                    exercise: exercise, file: shownPath(file), keptFolder: shownPath(replacedFolder) + "/")
            }
            let kept = replacedFolder
            try FileProblem.createFolder(kept)
            let backup = try Self.unusedName(for: exercise, in: kept)
            // Never over an earlier backup: O_EXCL fails rather than replace.
            try FileProblem.createNewFile(kept.appendingPathComponent(backup), contents: current)
            outcome = .restoredKeeping(backup: backup)
        }
        try AtomicFile.write(original, to: file)
        try Progress.update(in: workspace) { $0.record(exercise, passed: false) }
        return outcome
    }

    private static func unusedName(for exercise: Exercise, in folder: URL) throws -> String {
        let stem = (exercise.fileName as NSString).deletingPathExtension
        for number in 1...10_000 {
            let name = number == 1 ? exercise.fileName : "\(stem).\(number).swift"
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) { return name }
        }
        throw LessonError.cannotWrite(
            path: folder.path, reason: "it already holds 10,000 kept versions of \(exercise.fileName)")
    }
}
