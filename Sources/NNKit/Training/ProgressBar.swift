/// Prints training progress in the shape of Keras's:
///
/// ```
/// Epoch 3/10
/// 480/480 ━━━━━━━━━━━━━━━━━━━━ 1s 2ms/step - loss: 0.4123 - accuracy: 0.8512 - val_loss: …
/// ```
///
/// On a terminal the bar redraws as batches finish; elsewhere each shown epoch is one finished
/// line. A finished line longer than the output's width continues on indented lines, broken
/// between metrics; a redrawn one is cut to the width (a carriage return cannot redraw two). `every` shows only every n-th epoch (and the first and last), for runs of hundreds of
/// tiny epochs.
public final class ProgressBar: Callback {
    public let output: TextOutput
    public let every: Int
    private var parameters = TrainingParameters(epochs: 0, stepsPerEpoch: 0, samples: 0, batchSize: 0)
    private var epochStart = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var lastEpoch: (epoch: Int, line: String)?
    private var lastShownEpoch = -1

    /// Redraw at most this often on a terminal, so drawing never slows training.
    private static let redrawInterval = Duration.milliseconds(50)
    private static let width = 20

    public init(output: TextOutput, every: Int = 1) {
        precondition(every >= 1, "ProgressBar shows every n-th epoch; n must be at least 1, got \(every).")
        self.output = output
        self.every = every
    }

    public func onTrainBegin(model: Sequential, parameters: TrainingParameters) {
        self.parameters = parameters
        lastEpoch = nil
        lastShownEpoch = -1
    }

    public func onEpochBegin(_ epoch: Int, model: Sequential) {
        epochStart = .now
        lastDraw = epochStart
        if output.isTerminal && shows(epoch) {
            output.write("Epoch \(epoch + 1)/\(parameters.epochs)\n")
        }
    }

    public func onBatchEnd(_ batch: Int, logs: Logs, model: Sequential) {
        guard output.isTerminal, shows(model.currentEpoch) else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= ProgressBar.redrawInterval || batch == 0 else { return }
        lastDraw = now
        let text = line(step: batch + 1, logs: logs, elapsed: now - epochStart)
        output.write("\r" + String(text.prefix(max(output.columns - 1, 20))) + "\u{1B}[K")
    }

    public func onEpochEnd(_ epoch: Int, logs: Logs, model: Sequential) {
        let finished = Self.fitted(
            line(
                step: parameters.stepsPerEpoch, logs: logs,
                elapsed: ContinuousClock.now - epochStart), columns: output.columns)
        lastEpoch = (epoch, finished)
        guard shows(epoch) else { return }
        lastShownEpoch = epoch
        if output.isTerminal {
            output.write("\r" + finished + "\u{1B}[K\n")
        } else {
            output.write("Epoch \(epoch + 1)/\(parameters.epochs)\n" + finished + "\n")
        }
    }

    public func onTrainEnd(model: Sequential, logs: Logs) {
        // A run stopped early, or thinned by `every`, still shows where it ended.
        if let last = lastEpoch, last.epoch != lastShownEpoch {
            output.write("Epoch \(last.epoch + 1)/\(parameters.epochs)\n" + last.line + "\n")
        }
    }

    /// `line` broken before its ` - ` separators so that no line is longer than `columns`; the
    /// lines after the first are indented by four spaces.
    static func fitted(_ line: String, columns: Int) -> String {
        guard line.count > columns else { return line }
        let pieces = line.components(separatedBy: " - ")
        var lines = [pieces[0]]
        for piece in pieces.dropFirst() {
            if lines[lines.count - 1].count + 3 + piece.count <= columns {
                lines[lines.count - 1] += " - " + piece
            } else {
                lines.append("    - " + piece)
            }
        }
        return lines.joined(separator: "\n")
    }

    private func shows(_ epoch: Int) -> Bool {
        epoch == 0 || (epoch + 1) % every == 0 || epoch == parameters.epochs - 1
    }

    private func line(step: Int, logs: Logs, elapsed: Duration) -> String {
        let total = parameters.stepsPerEpoch
        let digits = String(total).count
        let counter =
            String(repeating: " ", count: max(0, digits - String(step).count))
            + "\(step)/\(total)"
        let filled = total == 0 ? ProgressBar.width : ProgressBar.width * step / total
        let bar =
            String(repeating: "━", count: filled)
            + String(repeating: "─", count: ProgressBar.width - filled)
        let seconds =
            Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) * 1e-18
        let perStep = seconds / Double(max(step, 1))
        let pace =
            perStep >= 1e-3
            ? "\(Int((perStep * 1e3).rounded()))ms/step"
            : "\(Int((perStep * 1e6).rounded()))us/step"
        let metrics = logs.formatted
        return "\(counter) \(bar) \(Int(seconds.rounded()))s \(pace)" + (metrics.isEmpty ? "" : " - " + metrics)
    }
}
