import Foundation

/// Saves the model after epochs, as Keras's `ModelCheckpoint`: every epoch (Keras's default, so
/// the file ends up holding the last epoch), or with `saveBestOnly` only when the monitored
/// figure improves on the best so far. The whole model (`Sequential.save(to:)`, loadable by
/// `Sequential.load(from:)`), or with `saveWeightsOnly` the weights alone
/// (`Sequential.saveWeights(to:)`, for `loadWeights(from:)`); the file's name chooses the format
/// (`.keras`, `.weights.h5`, `.safetensors`). Files are written atomically, so a file under
/// `path` is always whole.
public final class ModelCheckpoint: Callback {
    public let path: URL
    public let monitor: LogKey
    public let saveBestOnly: Bool
    public let saveWeightsOnly: Bool
    public let mode: EarlyStopping.Mode
    public let verbose: Bool
    private let output: any TextOutput

    /// The best monitored value seen, and the epoch it came from.
    public private(set) var best: Float?
    public private(set) var bestEpoch: Int?
    /// The epochs (from 0) after which a file was written.
    public private(set) var savedEpochs: [Int] = []
    /// The error met while saving, if any. Training stops after the epoch whose save failed;
    /// the caller reads this afterwards.
    public private(set) var saveError: (any Error)?

    public init(
        path: URL, monitor: LogKey = .valLoss, saveBestOnly: Bool = false, saveWeightsOnly: Bool = false,
        mode: EarlyStopping.Mode = .auto, verbose: Bool = false,
        output: any TextOutput = StandardOutput.shared
    ) {
        self.path = path
        self.monitor = monitor
        self.saveBestOnly = saveBestOnly
        self.saveWeightsOnly = saveWeightsOnly
        self.mode = mode
        self.verbose = verbose
        self.output = output
    }

    public func onTrainBegin(model: Sequential, parameters: TrainingParameters) {
        best = nil
        bestEpoch = nil
        savedEpochs = []
        saveError = nil
    }

    public func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        if saveBestOnly {
            guard let current = logs[monitor] else { return }
            let improved = best.map { mode.maximizes(monitor) ? current > $0 : current < $0 } ?? true
            guard improved else { return }
            if verbose {
                let from = best.map { "from \(fixed($0, decimals: 5)) " } ?? ""
                output.write(
                    "Epoch \(epoch + 1): \(monitor) improved \(from)to \(fixed(current, decimals: 5)), "
                        + "saving model to \(path.lastPathComponent)\n")
            }
            best = current
            bestEpoch = epoch
        }
        do {
            if saveWeightsOnly { try model.saveWeights(to: path) } else { try model.save(to: path) }
            savedEpochs.append(epoch)
        } catch {
            // A checkpoint that cannot be written makes the rest of the run pointless: stop
            // after this epoch, as Keras does when its save raises, and leave the error to the caller.
            saveError = error
            model.stopTraining = true
            if verbose { output.write("Epoch \(epoch + 1): the checkpoint could not be saved; training stops.\n") }
        }
    }
}
