/// A model's layers and parameter counts, as Keras's `model.summary()` shows them.
public struct ModelSummary: Sendable, CustomStringConvertible {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var type: String
        /// One sample's shape, without the batch: `[28, 28, 32]`.
        public var outputShape: [Int]
        public var parameterCount: Int
    }

    public var modelName: String
    public var rows: [Row]
    public var totalCount: Int
    public var trainableCount: Int
    public var nonTrainableCount: Int { totalCount - trainableCount }

    /// The table as Keras 3 draws it, with the totals and their size as float32.
    public var description: String {
        let widths = [33, 24, 15]
        // A value too long for its column wraps at spaces onto more lines, as Keras's table does
        // ("batch_normalization_1" above "(BatchNormalization)").
        func wrapped(_ value: String, _ width: Int) -> [String] {
            var lines: [String] = []
            var current = ""
            for word in value.split(separator: " ") {
                if !current.isEmpty && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = String(word)
                } else {
                    current += (current.isEmpty ? "" : " ") + word
                }
            }
            return lines + [current]
        }
        func cells(_ values: [String], _ alignRight: [Bool], _ edge: String, _ separator: String) -> String {
            let columns = zip(values, widths).map { wrapped($0, $1 - 2) }
            let height = columns.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let padded = zip(zip(columns, widths), alignRight).map { pair, right in
                    let (column, width) = pair
                    let value = line < column.count ? column[line] : ""
                    let room = max(0, width - 2 - value.count)
                    let text =
                        right
                        ? String(repeating: " ", count: room) + value
                        : value + String(repeating: " ", count: room)
                    return " " + text + " "
                }
                return edge + padded.joined(separator: separator) + edge
            }.joined(separator: "\n")
        }
        func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0) }.joined(separator: middle) + right
        }
        // Names from a file may hold anything: escaped, they cannot move the cursor or break the table.
        var lines = ["Model: \"\(modelName.terminalSafe)\""]
        lines.append(rule("┏", "━", "┳", "┓"))
        lines.append(cells(["Layer (type)", "Output Shape", "Param #"], [false, false, true], "┃", "┃"))
        lines.append(rule("┡", "━", "╇", "┩"))
        for (index, row) in rows.enumerated() {
            let shape = "(None, " + row.outputShape.map(String.init).joined(separator: ", ") + ")"
            lines.append(
                cells(
                    [
                        "\(row.name.terminalSafe) (\(row.type.terminalSafe))", shape,
                        grouped(row.parameterCount),
                    ], [false, false, true], "│", "│"))
            if index < rows.count - 1 { lines.append(rule("├", "─", "┼", "┤")) }
        }
        lines.append(rule("└", "─", "┴", "┘"))
        lines.append(" Total params: \(grouped(totalCount)) (\(memory(totalCount)))")
        lines.append(" Trainable params: \(grouped(trainableCount)) (\(memory(trainableCount)))")
        lines.append(" Non-trainable params: \(grouped(nonTrainableCount)) (\(memory(nonTrainableCount)))")
        return lines.joined(separator: "\n")
    }
}

extension Sequential {
    /// The layers with their output shapes and parameter counts, and the totals, as Keras's
    /// `summary()`; `print(model.summary())` draws Keras's table.
    public func summary() -> ModelSummary {
        let rows = layers.map { layer in
            ModelSummary.Row(
                name: layer.name, type: layer.typeName, outputShape: layer.outputShape,
                parameterCount: layer.parameters.reduce(0) { $0 + $1.count })
        }
        return ModelSummary(
            modelName: name, rows: rows,
            totalCount: parameters.reduce(0) { $0 + $1.count },
            trainableCount: trainableParameters.reduce(0) { $0 + $1.count })
    }
}

/// `242762` → `242,762`, as Keras groups digits.
public func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
}

/// The size of `count` float32 values, as Keras writes it: `948.29 KB`.
func memory(_ count: Int) -> String {
    var size = Double(count * 4)
    for unit in ["B", "KB", "MB", "GB"] {
        if size < 1024 { return "\(fixed(size, decimals: 2)) \(unit)" }
        size /= 1024
    }
    return "\(fixed(size, decimals: 2)) TB"
}
