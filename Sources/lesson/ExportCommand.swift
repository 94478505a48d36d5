import ArgumentParser
import Foundation
import Lessons

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert a saved model between NNKit's .safetensors and Keras's .keras.",
        discussion: """
            Each file's format is given by the end of its name:
              .keras                 the whole model, for Keras 3's keras.models.load_model
              .safetensors           the whole model, NNKit's (what --save writes)
              .weights.h5            weights only, for Keras's model.load_weights into the
                                     same architecture built in Keras
              .weights.safetensors   weights only, for NNKit's loadWeights
            The input is a whole model (.keras or .safetensors). An output that exists is
            left alone unless --force is given.

              lesson 4 run --save model.safetensors
              lesson export model.safetensors model.keras
            """
    )

    @Argument(help: ArgumentHelp("The model to read: a .keras or .safetensors file.", valueName: "in"))
    var input: String

    @Argument(
        help: ArgumentHelp(
            "The file to write: .keras, .safetensors, .weights.h5 or .weights.safetensors.", valueName: "out"))
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        if input.isEmpty || output.isEmpty {
            throw ValidationError(
                "Give the model to read and the file to write, like 'lesson export model.safetensors model.keras'.")
        }
    }

    func run() throws {
        try ModelExport(
            input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output), force: force,
            console: Console.standardOutput
        ).run()
    }
}
