import Foundation

extension ExerciseGrader {
    /// The file name an editor's Swift language server (SourceKit-LSP, which VS Code's Swift
    /// extension runs) reads in the workspace to know how each exercise file is compiled.
    public static let editorConfigurationName = "compile_commands.json"

    /// Writes `exercises/compile_commands.json`: for every exercise file, the compiler
    /// arguments that resolve `import NNKit` against the grader's build, so that an editor opened
    /// on the exercises folder completes, checks and documents NNKit's names. Rewritten on every
    /// check, so that it follows the project if it moves.
    public func writeEditorConfiguration(for exercises: [Exercise]) throws {
        struct Entry: Encodable {
            let directory: String
            let file: String
            let arguments: [String]
        }
        let search = searchPathArguments()
        let entries = exercises.map { exercise in
            let file = project.learnerFile(exercise).path
            let module = "Exercise_" + exercise.id.replacingOccurrences(of: ".", with: "_")
            return Entry(
                directory: project.workspace.path, file: file,
                arguments: ["swiftc", "-module-name", module] + search + [file])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(
            try encoder.encode(entries),
            to: project.workspace.appendingPathComponent(Self.editorConfigurationName))
    }
}
