import Foundation
import NNKit

/// `lesson export IN OUT`: a saved model in another format, the format each name's ending
/// gives: `.safetensors` (NNKit's), `.keras` (Keras 3's), or weights only, `.weights.h5`
/// (Keras's `load_weights`) and `.weights.safetensors`.
public struct ModelExport {
    public let input: URL
    public let output: URL
    /// Replace `output` when it exists (otherwise an existing file is refused, never replaced).
    public let force: Bool
    public let console: Console

    public init(input: URL, output: URL, force: Bool, console: Console) {
        self.input = input
        self.output = output
        self.force = force
        self.console = console
    }

    /// The endings `export` writes, and what each holds.
    public static let outputFormats = [
        (".keras", "the whole model, for Keras 3's keras.models.load_model"),
        (".safetensors", "the whole model, for lesson evaluate and Sequential.load"),
        (".weights.h5", "weights only, for Keras's model.load_weights into the same architecture"),
        (".weights.safetensors", "weights only, for NNKit's loadWeights"),
    ]

    enum FileFormat { case keras, safetensors, kerasWeights, weightsSafetensors }

    /// The format a name's ending gives, or nil for an ending export does not know.
    static func format(of url: URL) -> FileFormat? {
        let name = url.lastPathComponent.lowercased()
        if name.hasSuffix(".weights.h5") { return .kerasWeights }
        if name.hasSuffix(".weights.safetensors") { return .weightsSafetensors }
        if name.hasSuffix(".keras") { return .keras }
        if name.hasSuffix(".safetensors") { return .safetensors }
        return nil
    }

    /// Reads the model, writes it in the output's format (atomically), and prints what it wrote.
    public func run() throws {
        let endings = Self.outputFormats.map(\.0).joined(separator: ", ")
        guard let inputFormat = Self.format(of: input) else {
            throw ModelFileError(
                path: input.path,
                problem: "export reads a whole model, a .keras or .safetensors file; this name ends otherwise")
        }
        guard inputFormat == .keras || inputFormat == .safetensors else {
            throw ModelFileError(
                path: input.path,
                problem: "it holds weights only, without the layers to rebuild the model; "
                    + "export reads a whole model, a .keras or .safetensors file")
        }
        guard let outputFormat = Self.format(of: output) else {
            throw ModelFileError(
                path: output.path, problem: "export writes \(endings); give the output one of these endings")
        }
        guard FileManager.default.fileExists(atPath: input.path) else {
            throw ModelFileError(path: input.path, problem: "there is no such file")
        }
        if input.standardizedFileURL.resolvingSymlinksInPath() == output.standardizedFileURL.resolvingSymlinksInPath() {
            throw ModelFileError(
                path: output.path, problem: "it is the input file itself; give the output another name")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw ModelFileError(path: output.path, problem: "it is a folder; give a file name")
            }
            if !force {
                throw ModelFileError(path: output.path, problem: "it exists already; add --force to replace it")
            }
        }
        try FileProblem.checkCanWrite(file: output)

        let model = try Sequential.load(from: input)
        switch outputFormat {
        case .keras, .safetensors: try model.save(to: output)
        case .kerasWeights, .weightsSafetensors: try model.saveWeights(to: output)
        }
        let summary = model.summary()
        let ending = [
            FileFormat.keras: ".keras", .safetensors: ".safetensors", .kerasWeights: ".weights.h5",
            .weightsSafetensors: ".weights.safetensors",
        ][outputFormat]
        let what = Self.outputFormats.first { $0.0 == ending }?.1 ?? "the model"
        console.line(
            "Wrote \(output.path.terminalSafe): \(summary.rows.count) layers, "
                + "\(Format.grouped(summary.totalCount)) weights (\(what)).")
    }
}
