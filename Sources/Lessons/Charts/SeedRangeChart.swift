import Foundation

/// Accuracies over several seeds on a 0-to-1 axis: each seed a dot, their mean a bar, their
/// range a line, over a grey band for the range a reference (Keras) reached. One group of rows
/// per setting; in the terminal and as SVG.
struct SeedRangeChart {
    struct Row {
        var label: String
        var values: [Double]
        var reference: ClosedRange<Double>
    }

    struct Group {
        var title: String
        var rows: [Row]
    }

    /// What the legend calls each mark.
    struct Legend {
        var seeds: String
        var mean: String
        var reference: String
        var axis: String
    }

    let title: String
    let groups: [Group]
    let legend: Legend

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    // MARK: Terminal

    func terminalLines(console: Console, width: Int = 50, labelWidth: Int = 18) -> [String] {
        let axis = ChartAxis(low: 0, high: 1, step: 0.2)
        func column(_ value: Double) -> Int {
            max(0, min(width - 1, Int((axis.fraction(value) * Double(width - 1)).rounded())))
        }
        var lines: [String] = []
        for group in groups {
            lines.append("  " + console.style(group.title, .bold))
            for row in group.rows {
                var cells = Array(repeating: " ", count: width)
                for c in column(row.reference.lowerBound)...column(row.reference.upperBound) {
                    cells[c] = console.style("░", .dim)
                }
                if let low = row.values.min(), let high = row.values.max() {
                    for c in column(low)...column(high) { cells[c] = console.style("─", .cyan) }
                    for value in row.values { cells[column(value)] = console.style("•", .cyan) }
                    cells[column(Self.mean(row.values))] = console.style("┃", .bold)
                }
                lines.append("  " + Format.padded(row.label, labelWidth) + "│" + cells.joined() + "│")
            }
        }
        var labels = Array(repeating: " ", count: width + 2)
        for tick in axis.ticks {
            let label = axis.label(tick)
            let start = max(0, min(labels.count - label.count, 1 + column(tick) - label.count / 2))
            for (offset, character) in label.enumerated() { labels[start + offset] = String(character) }
        }
        lines.append("  " + String(repeating: " ", count: labelWidth) + labels.joined())
        lines.append("  " + String(repeating: " ", count: labelWidth) + " " + legend.axis)
        lines.append(
            "  " + String(repeating: " ", count: labelWidth) + " • " + legend.seeds + "   ┃ " + legend.mean + "   "
                + console.style("░", .dim) + " " + legend.reference)
        return lines
    }

    // MARK: SVG

    func svg() -> String {
        let (left, right, top) = (190.0, 30.0, 50.0)
        let (plotWidth, rowHeight, groupGap) = (560.0, 30.0, 34.0)
        let rowCount = Double(groups.map(\.rows.count).reduce(0, +))
        let plotHeight = rowCount * rowHeight + Double(groups.count) * groupGap
        let width = left + plotWidth + right
        let height = top + plotHeight + 100
        let axis = ChartAxis(low: 0, high: 1, step: 0.1)
        func px(_ value: Double) -> Double { left + axis.fraction(value) * plotWidth }
        var document = SVG.Document(width: width, height: height, title: title)
        var svg = ""
        for tick in axis.ticks {
            svg += SVG.line(x1: px(tick), y1: top, x2: px(tick), y2: top + plotHeight, stroke: "#e4e4e4")
            svg +=
                "<text x=\"\(f(px(tick)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(axis.label(tick))</text>\n"
        }
        svg +=
            "<text x=\"\(f(px(0.5)))\" y=\"\(f(top + plotHeight + 38))\" text-anchor=\"middle\">\(SVG.escaped(legend.axis))</text>\n"
        var y = top
        for group in groups {
            y += groupGap
            svg += "<text x=\"10\" y=\"\(f(y - 10))\" font-weight=\"bold\">\(SVG.escaped(group.title))</text>\n"
            for row in group.rows {
                let middle = y + rowHeight / 2
                svg +=
                    "<text x=\"\(f(left - 10))\" y=\"\(f(middle + 4))\" text-anchor=\"end\">\(SVG.escaped(row.label))</text>\n"
                svg +=
                    "<rect x=\"\(f(px(row.reference.lowerBound)))\" y=\"\(f(middle - 9))\" "
                    + "width=\"\(f(max(2, px(row.reference.upperBound) - px(row.reference.lowerBound))))\" height=\"18\" fill=\"#cccccc\"/>\n"
                if let low = row.values.min(), let high = row.values.max() {
                    svg +=
                        "<line x1=\"\(f(px(low)))\" y1=\"\(f(middle))\" x2=\"\(f(px(high)))\" y2=\"\(f(middle))\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
                    for value in row.values {
                        svg += "<circle cx=\"\(f(px(value)))\" cy=\"\(f(middle))\" r=\"3.5\" fill=\"#1f77b4\"/>\n"
                    }
                    let mean = Self.mean(row.values)
                    svg +=
                        "<line x1=\"\(f(px(mean)))\" y1=\"\(f(middle - 11))\" x2=\"\(f(px(mean)))\" y2=\"\(f(middle + 11))\" stroke=\"#d62728\" stroke-width=\"3\"/>\n"
                }
                y += rowHeight
            }
        }
        let legendY = top + plotHeight + 64
        svg += "<circle cx=\"\(f(left))\" cy=\"\(f(legendY))\" r=\"3.5\" fill=\"#1f77b4\"/>\n"
        svg += "<text x=\"\(f(left + 10))\" y=\"\(f(legendY + 4))\">\(SVG.escaped(legend.seeds))</text>\n"
        svg +=
            "<line x1=\"\(f(left + 180))\" y1=\"\(f(legendY - 9))\" x2=\"\(f(left + 180))\" y2=\"\(f(legendY + 9))\" stroke=\"#d62728\" stroke-width=\"3\"/>\n"
        svg += "<text x=\"\(f(left + 190))\" y=\"\(f(legendY + 4))\">\(SVG.escaped(legend.mean))</text>\n"
        svg += "<rect x=\"\(f(left + 300))\" y=\"\(f(legendY - 9))\" width=\"24\" height=\"18\" fill=\"#cccccc\"/>\n"
        svg += "<text x=\"\(f(left + 332))\" y=\"\(f(legendY + 4))\">\(SVG.escaped(legend.reference))</text>\n"
        document.add(svg)
        return document.text
    }

    /// Writes the SVG atomically to `url`.
    func write(to url: URL) throws {
        try AtomicFile.write(Data(svg().utf8), to: url)
    }

    private func f(_ value: Double) -> String {
        SVG.number(value)
    }
}
