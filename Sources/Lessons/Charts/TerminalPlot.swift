import Foundation

/// A plot drawn with characters: a grid of `height` rows by `width` columns between two axes,
/// with the y axis's ticks labelled on the left and the x axis's below. Every terminal chart is
/// drawn on one.
struct TerminalPlot {
    let width: Int
    let height: Int
    let x: ChartAxis
    let y: ChartAxis
    /// The columns the y labels and the axis line take on the left.
    static let margin = 10
    private var cells: [[String]]

    init(width: Int, height: Int, x: ChartAxis, y: ChartAxis) {
        self.width = max(width, 2)
        self.height = max(height, 2)
        self.x = x
        self.y = y
        cells = Array(repeating: Array(repeating: " ", count: max(width, 2)), count: max(height, 2))
    }

    /// The column of `value` on the x axis, nil outside the plot.
    func column(_ value: Double) -> Int? {
        let fraction = x.fraction(value)
        guard fraction.isFinite, fraction >= -1e-9, fraction <= 1 + 1e-9 else { return nil }
        return Int((fraction * Double(width - 1)).rounded())
    }

    /// The row of `value` on the y axis (0 at the top), nil outside the plot.
    func row(_ value: Double) -> Int? {
        let fraction = y.fraction(value)
        guard fraction.isFinite, fraction >= -1e-9, fraction <= 1 + 1e-9 else { return nil }
        return height - 1 - Int((fraction * Double(height - 1)).rounded())
    }

    /// Puts `text` (one column wide) at the point, over whatever is there, or only on an empty
    /// cell when `overwriting` is false.
    mutating func mark(x xValue: Double, y yValue: Double, _ text: String, overwriting: Bool = true) {
        guard let c = column(xValue), let r = row(yValue) else { return }
        if overwriting || cells[r][c] == " " { cells[r][c] = text }
    }

    /// `text` down the whole height at `x` (a marker such as an epoch where training stopped).
    mutating func rule(atX xValue: Double, _ text: String) {
        guard let c = column(xValue) else { return }
        for r in 0..<height { cells[r][c] = text }
    }

    /// Dots along the polyline through `points` in every empty cell it crosses, then `glyph` at
    /// each point itself; non-finite points break the line.
    mutating func polyline(_ points: [(x: Double, y: Double)], dot: String, glyph: String?) {
        for (from, to) in zip(points, points.dropFirst()) where from.y.isFinite && to.y.isFinite {
            let (first, last) = (column(from.x) ?? 0, column(to.x) ?? width - 1)
            guard last > first else { continue }
            for c in first...last {
                let t = Double(c - first) / Double(last - first)
                mark(x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, dot, overwriting: false)
            }
        }
        if let glyph {
            for point in points where point.y.isFinite { mark(x: point.x, y: point.y, glyph) }
        }
    }

    /// The plot with its axes: y labels at the rows of the y axis's ticks (every second or fifth
    /// when rows are few, so that labels never stand on neighbouring rows), then the x axis line
    /// and `xLabels` (value and text, default the x ticks) centred under their columns.
    func lines(xLabels: [(value: Double, text: String)]? = nil) -> [String] {
        var labels: [Int: String] = [:]
        for count in stride(from: (height - 1) / 2 + 1, through: 2, by: -1) {
            let labelled = y.coarsened(toAtMost: count)
            let rows = labelled.ticks.compactMap(row).sorted()
            guard zip(rows, rows.dropFirst()).allSatisfy({ $1 - $0 >= 2 }) else { continue }
            for tick in labelled.ticks { if let r = row(tick) { labels[r] = labelled.label(tick) } }
            break
        }
        var lines = cells.enumerated().map { r, row in
            Format.rightAligned(labels[r] ?? "", Self.margin - 2) + " ┤" + row.joined()
        }
        lines.append(String(repeating: " ", count: Self.margin - 1) + "└" + String(repeating: "─", count: width))
        var axis = Array(repeating: " ", count: Self.margin + width + 6)
        var end = 0
        for label in xLabels ?? x.ticks.map({ ($0, x.label($0)) }) {
            guard let c = column(label.value) else { continue }
            let text = Array(label.text)
            let start = min(max(Self.margin + c - text.count / 2, end), axis.count - text.count)
            guard start >= end else { continue }
            for (offset, character) in text.enumerated() { axis[start + offset] = String(character) }
            end = start + text.count + 1
        }
        lines.append(String(axis.joined().reversed().drop { $0 == " " }.reversed()))
        return lines
    }

    /// `entries` side by side, three spaces apart, as many to a line as fit in `width` columns
    /// after `indent` spaces.
    static func legend(_ entries: [String], indent: Int = margin, width: Int = 80) -> [String] {
        var lines: [String] = []
        var line = ""
        for entry in entries {
            if !line.isEmpty && indent + TextLayout.displayWidth(line) + 3 + TextLayout.displayWidth(entry) > width {
                lines.append(String(repeating: " ", count: indent) + line)
                line = ""
            }
            line += (line.isEmpty ? "" : "   ") + entry
        }
        if !line.isEmpty { lines.append(String(repeating: " ", count: indent) + line) }
        return lines
    }
}
