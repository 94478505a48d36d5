import ArgumentParser
import Foundation
import Lessons

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate a saved model on the 10,000 Fashion-MNIST test images.",
        discussion: """
            Reads NNKit's .safetensors files and Keras 3's .keras files (a Sequential
            model of Dense, Activation, Dropout, BatchNormalization, Flatten, Conv2D and
            MaxPooling2D layers, trained in Keras or exported by 'lesson export').
            Save a model with 'lesson 4 run --save model.safetensors', then
              lesson evaluate model.safetensors
            prints its test loss and accuracy: the same figures the run printed.
            """
    )

    @Argument(help: ArgumentHelp("A model file: .safetensors (written by --save) or .keras.", valueName: "file"))
    var file: String

    @OptionGroup var data: DataOption

    func validate() throws {
        if file.isEmpty {
            throw ValidationError("Give the model file to evaluate, like 'lesson evaluate model.safetensors'.")
        }
    }

    func run() throws {
        try ModelEvaluation(
            modelFile: URL(fileURLWithPath: file), dataDirectory: data.directory,
            console: Console.standardOutput
        ).run()
    }
}
