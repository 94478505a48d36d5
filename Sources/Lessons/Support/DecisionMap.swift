import NNKit

/// The plane of two inputs drawn in the terminal: every cell shaded by what the model says
/// there, and the four logic-gate points on top, so a learner sees the line (or curve) a
/// model draws between the classes.
///
/// ```
/// 1.0 │······○·······················●░░░░░░
///     │·····························░░░░░░░░
/// 0.0 │······●·······················○░░░░░░
///     └──────┬───────────────────────┬───────
///            0                       1        x1
/// ```
enum DecisionMap {
    // x1 from −0.25 to 1.25 in steps of 1/24, x2 from 1.25 down to −0.25 in steps of 1/12: the
    // corners 0 and 1 fall exactly on cells, and a cell is about twice as tall as wide.
    static let columns = 37
    static let rows = 19
    static let lowest: Float = -0.25
    static let span: Float = 1.5

    /// The map's lines for a model with one output read as "1 when above 0.5".
    static func lines(
        predict: (Matrix) -> Matrix, points: Matrix, targets: [Float],
        console: Console
    ) -> [String] {
        var grid = Matrix(rows: rows * columns, columns: 2)
        for r in 0..<rows {
            for c in 0..<columns {
                grid[r * columns + c, 0] = lowest + span * Float(c) / Float(columns - 1)
                grid[r * columns + c, 1] = lowest + span - span * Float(r) / Float(rows - 1)
            }
        }
        let outputs = predict(grid).scalars
        let pointOutputs = predict(points).scalars
        var cells = outputs.map { $0 > 0.5 ? console.style("░", .cyan) : console.style("·", .dim) }
        for p in 0..<points.rows {
            let c = Int(((points[p, 0] - lowest) / span * Float(columns - 1)).rounded())
            let r = Int(((lowest + span - points[p, 1]) / span * Float(rows - 1)).rounded())
            guard (0..<columns).contains(c) && (0..<rows).contains(r) else { continue }
            let symbol = targets[p] > 0.5 ? "●" : "○"
            let correct = (pointOutputs[p] > 0.5) == (targets[p] > 0.5)
            cells[r * columns + c] = console.style(symbol, correct ? .green : .red)
        }
        let zeroColumn = Int((-lowest / span * Float(columns - 1)).rounded())
        let oneColumn = Int(((1 - lowest) / span * Float(columns - 1)).rounded())
        var lines: [String] = []
        for r in 0..<rows {
            let x2 = lowest + span - span * Float(r) / Float(rows - 1)
            let label = abs(x2 - 1) < 1e-4 ? "1.0 │" : abs(x2) < 1e-4 ? "0.0 │" : "    │"
            lines.append("    " + label + cells[r * columns..<(r + 1) * columns].joined())
        }
        var axis = Array(repeating: "─", count: columns)
        axis[zeroColumn] = "┬"
        axis[oneColumn] = "┬"
        lines.append("        └" + axis.joined())
        var labels = Array(repeating: " ", count: columns)
        labels[zeroColumn] = "0"
        labels[oneColumn] = "1"
        lines.append("         " + labels.joined() + Words.shared("map.axis"))
        let legend = Words.shared("map.legend", ["one": console.style("░", .cyan), "zero": console.style("·", .dim)])
        lines += TextLayout.wrapped(legend, width: 80).split(separator: "\n").map(String.init)
        return lines
    }
}
