import Foundation
import NNKit

/// `lesson evaluate FILE`: a saved Fashion-MNIST model on the 10,000 test images.
public struct ModelEvaluation {
    public let modelFile: URL
    public let dataDirectory: URL
    public let console: Console

    public init(modelFile: URL, dataDirectory: URL, console: Console) {
        self.modelFile = modelFile
        self.dataDirectory = dataDirectory
        self.console = console
    }

    /// Loads the model and the test set, and prints (and returns) the test loss and accuracy,
    /// computed exactly as chapter 4's run computes them.
    @discardableResult
    public func run() throws -> Logs {
        let model = try Sequential.load(from: modelFile)
        guard model.inputSize == FashionMNIST.pixels && model.outputSize == FashionMNIST.classNames.count else {
            throw ModelFileError(
                path: modelFile.path,
                problem: "this model maps \(model.inputSize) inputs to \(model.outputSize) outputs; "
                    + "a Fashion-MNIST classifier maps 784 pixels to 10 classes")
        }
        let data = try FashionMNIST.load(from: dataDirectory)
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        console.line(model.summary().description)
        let logs: Logs
        do {
            logs = try model.evaluate(data.testImages, data.testLabels)
        } catch let error as NNKitError {
            throw ModelFileError(path: modelFile.path, problem: error.sentence)
        }
        guard let loss = logs[.loss], loss.isFinite else {
            throw ModelFileError(
                path: modelFile.path,
                problem: "its test loss is \(logs[.loss] ?? .nan): "
                    + "the model is broken (did its training diverge?); train and save it again")
        }
        console.line()
        console.line(
            Words.shared(
                "evaluate.result",
                [
                    "count": Format.grouped(data.testImages.rows),
                    "loss": Format.fixed(Double(loss), 4),
                    "accuracy": Format.fixed(Double(logs[.accuracy] ?? 0), 4),
                ]))
        return logs
    }
}
