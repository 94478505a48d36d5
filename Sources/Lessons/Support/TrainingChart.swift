import Foundation
import NNKit

/// Loss and accuracy curves after training, for one model or several on the same axes: drawn
/// compactly in the terminal and written as an SVG file (axes, ticks, labels, a legend) that a
/// learner opens in a browser. Its labels (the panels' titles, the series' names, the axes) are
/// the shared words' `chart.…` entries; the title and the models' names come from the chapter.
struct TrainingChart {
    struct Series {
        var name: String
        var values: [Double]
        var color: String
        var dashed: Bool
        var glyph: Character
    }

    struct Panel {
        var title: String
        var series: [Series]
    }

    /// A vertical line at an epoch (counted from 1), e.g. where training stopped.
    struct Marker {
        var epoch: Int
        var label: String
    }

    var title: String
    var panels: [Panel]
    var markers: [Marker] = []

    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    static let trainGlyphs: [Character] = ["●", "■", "▲", "◆", "★", "▼"]
    static let validationGlyphs: [Character] = ["○", "□", "△", "◇", "☆", "▽"]

    /// The words the chart's labels come from.
    static var words: Words { Words.shared }

    /// Panels made by the caller: one metric of several models, say.
    init(title: String, panels: [Panel], markers: [Marker] = []) {
        self.title = title
        self.panels = panels
        self.markers = markers
    }

    /// Loss and accuracy panels with a training and a validation curve per model, as Keras's
    /// `history.history` holds them.
    init(title: String, histories: [(name: String, history: History)], markers: [Marker] = []) {
        self.title = title
        self.markers = markers
        let words = Self.words
        func seriesName(_ model: String, _ key: String) -> String {
            histories.count > 1 ? words("chart.legend.model", ["model": model, "series": words(key)]) : words(key)
        }
        panels = [(LogKey.loss, "chart.panel.loss"), (.accuracy, "chart.panel.accuracy")].map { metric, titleKey in
            Panel(title: words(titleKey), series: histories.enumerated().flatMap { index, entry -> [Series] in
                let color = Self.colors[index % Self.colors.count]
                return [
                    Series(name: seriesName(entry.name, "chart.legend.train"), values: entry.history[metric].map(Double.init),
                           color: color, dashed: false, glyph: Self.trainGlyphs[index % Self.trainGlyphs.count]),
                    Series(name: seriesName(entry.name, "chart.legend.validation"),
                           values: entry.history[metric.validation].map(Double.init),
                           color: color, dashed: true, glyph: Self.validationGlyphs[index % Self.validationGlyphs.count]),
                ].filter { !$0.values.isEmpty }
            })
        }
    }

    var epochCount: Int {
        panels.flatMap(\.series).map(\.values.count).max() ?? 0
    }

    /// The value range of a panel, widened a little so no curve touches the frame, but never
    /// past 0 or 1 when the values lie inside them (a loss below 0, an accuracy above 1 would
    /// be labels nothing can reach).
    static func range(_ panel: Panel) -> (low: Double, high: Double) {
        let values = panel.series.flatMap(\.values).filter(\.isFinite)
        guard var low = values.min(), var high = values.max() else { return (0, 1) }
        if high - low < 1e-9 { low -= 0.5; high += 0.5 }
        let pad = (high - low) * 0.05
        let (lowest, highest) = (values.min() ?? 0, values.max() ?? 0)
        return (lowest >= 0 ? max(low - pad, 0) : low - pad,
                lowest >= 0 && highest <= 1 ? min(high + pad, 1) : high + pad)
    }

    // MARK: Terminal

    /// Each panel as a character plot, `height` rows by `width` columns: the epochs spread over
    /// the width, each epoch's value marked with its series' glyph and joined to the next by dots.
    func terminalLines(console: Console, width: Int = 60, height: Int = 10) -> [String] {
        let epochs = epochCount
        guard epochs > 0 else { return [] }
        let columns = width
        var lines: [String] = []
        for panel in panels where !panel.series.isEmpty {
            let (low, high) = Self.range(panel)
            var grid = Array(repeating: Array(repeating: " ", count: columns), count: height)
            func column(_ epoch: Double) -> Int {
                epochs == 1 ? 0 : Int((epoch / Double(epochs - 1) * Double(columns - 1)).rounded())
            }
            func row(_ value: Double) -> Int {
                max(0, min(height - 1, height - 1 - Int(((value - low) / (high - low) * Double(height - 1)).rounded())))
            }
            for marker in markers where marker.epoch >= 1 && marker.epoch <= epochs {
                for r in 0 ..< height { grid[r][column(Double(marker.epoch - 1))] = console.style("┊", .dim) }
            }
            for (index, series) in panel.series.enumerated() {
                let style: Console.Style = index % 2 == 0 ? .cyan : .bold
                let values = series.values
                guard values.count > 1 else {
                    if let value = values.first, value.isFinite { grid[row(value)][0] = String(series.glyph) }
                    continue
                }
                // Dots between epochs, by linear interpolation, then the epochs' own glyphs on top.
                for c in 0 ..< columns {
                    let position = Double(c) / Double(columns - 1) * Double(epochs - 1)
                    let lower = Int(position)
                    guard lower < values.count - 1 else { continue }
                    let value = values[lower] + (values[lower + 1] - values[lower]) * (position - Double(lower))
                    if value.isFinite && grid[row(value)][c] == " " { grid[row(value)][c] = console.style("·", style) }
                }
                for (epoch, value) in values.enumerated() where value.isFinite {
                    grid[row(value)][column(Double(epoch))] = console.style(String(series.glyph), style)
                }
            }
            lines.append("  \(panel.title)")
            for (r, cells) in grid.enumerated() {
                let value = high - (high - low) * Double(r) / Double(height - 1)
                let label = r == 0 || r == height - 1 || r == height / 2 ? Format.fixed(value, 3) : ""
                lines.append(Format.rightAligned(label, 8) + " ┤" + cells.joined())
            }
            lines.append(String(repeating: " ", count: 9) + "└" + String(repeating: "─", count: columns))
            let last = Self.words("chart.axis.last", ["epochs": "\(epochs)"])
            lines.append(String(repeating: " ", count: 10) + "1" + String(repeating: " ", count: max(1, columns - 1 - last.count)) + last)
            // The legend, as many entries to a line as fit in 80 columns.
            let entries = panel.series.map { "\($0.glyph) \($0.name)" } + markers.map { "┊ \($0.label)" }
            var legend = ""
            for entry in entries {
                if !legend.isEmpty && 10 + TextLayout.displayWidth(legend) + 3 + TextLayout.displayWidth(entry) > 80 {
                    lines.append("          " + legend)
                    legend = ""
                }
                legend += (legend.isEmpty ? "" : "   ") + entry
            }
            lines.append("          " + legend)
            lines.append("")
        }
        return lines
    }

    // MARK: SVG

    /// The chart as a standalone SVG document: one panel per metric, side by side.
    func svg() -> String {
        let panelWidth = 440.0, panelHeight = 300.0
        let left = 60.0, top = 50.0, right = 20.0, bottom = 50.0
        let legendHeight = 22.0 * Double((panels.map(\.series.count).max() ?? 0) + markers.count) + 10
        let width = Double(panels.count) * (panelWidth + left + right) + 20
        let height = top + panelHeight + bottom + legendHeight
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(width / 2))" y="24" text-anchor="middle" font-size="16" font-weight="bold">\(SVG.escaped(title))</text>

            """
        let epochs = max(epochCount, 1)
        for (index, panel) in panels.enumerated() {
            let x0 = 20 + Double(index) * (panelWidth + left + right) + left
            let y0 = top
            let (low, high) = Self.range(panel)
            func px(_ epoch: Double) -> Double {
                x0 + (epochs == 1 ? panelWidth / 2 : (epoch - 1) / Double(epochs - 1) * panelWidth)
            }
            func py(_ value: Double) -> Double { y0 + panelHeight - (value - low) / (high - low) * panelHeight }
            svg += "<g>\n<text x=\"\(f(x0 + panelWidth / 2))\" y=\"\(f(y0 - 10))\" text-anchor=\"middle\" font-weight=\"bold\">\(SVG.escaped(panel.title))</text>\n"
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(panelWidth))\" height=\"\(f(panelHeight))\" fill=\"none\" stroke=\"#333\"/>\n"
            for tick in 0 ... 4 {
                let value = low + (high - low) * Double(tick) / 4
                svg += "<line x1=\"\(f(x0 - 5))\" y1=\"\(f(py(value)))\" x2=\"\(f(x0 + panelWidth))\" y2=\"\(f(py(value)))\" stroke=\"#ddd\"/>\n"
                svg += "<text x=\"\(f(x0 - 8))\" y=\"\(f(py(value) + 4))\" text-anchor=\"end\">\(Format.fixed(value, 3))</text>\n"
            }
            for epoch in xTicks(epochs) {
                svg += "<line x1=\"\(f(px(Double(epoch))))\" y1=\"\(f(y0 + panelHeight))\" x2=\"\(f(px(Double(epoch))))\" y2=\"\(f(y0 + panelHeight + 5))\" stroke=\"#333\"/>\n"
                svg += "<text x=\"\(f(px(Double(epoch))))\" y=\"\(f(y0 + panelHeight + 18))\" text-anchor=\"middle\">\(epoch)</text>\n"
            }
            svg += "<text x=\"\(f(x0 + panelWidth / 2))\" y=\"\(f(y0 + panelHeight + 36))\" text-anchor=\"middle\">\(SVG.escaped(Self.words("chart.axis.epoch")))</text>\n"
            svg += "<text transform=\"translate(\(f(x0 - 48)),\(f(y0 + panelHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVG.escaped(panel.title))</text>\n"
            for marker in markers where marker.epoch >= 1 && marker.epoch <= epochs {
                svg += "<line x1=\"\(f(px(Double(marker.epoch))))\" y1=\"\(f(y0))\" x2=\"\(f(px(Double(marker.epoch))))\" y2=\"\(f(y0 + panelHeight))\" stroke=\"#888\" stroke-dasharray=\"2,3\"/>\n"
            }
            for series in panel.series {
                let points = series.values.enumerated().filter { $0.element.isFinite }
                    .map { "\(f(px(Double($0.offset + 1)))),\(f(py($0.element)))" }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"2\""
                    + (series.dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>\n"
            }
            var legendY = y0 + panelHeight + bottom + 12
            for series in panel.series {
                svg += "<line x1=\"\(f(x0))\" y1=\"\(f(legendY))\" x2=\"\(f(x0 + 30))\" y2=\"\(f(legendY))\" stroke=\"\(series.color)\" stroke-width=\"2\""
                    + (series.dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>\n"
                svg += "<text x=\"\(f(x0 + 38))\" y=\"\(f(legendY + 4))\">\(SVG.escaped(series.name))</text>\n"
                legendY += 22
            }
            for marker in markers {
                svg += "<line x1=\"\(f(x0))\" y1=\"\(f(legendY))\" x2=\"\(f(x0 + 30))\" y2=\"\(f(legendY))\" stroke=\"#888\" stroke-dasharray=\"2,3\"/>\n"
                svg += "<text x=\"\(f(x0 + 38))\" y=\"\(f(legendY + 4))\">\(SVG.escaped(marker.label))</text>\n"
                legendY += 22
            }
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    /// Writes the SVG atomically to `url`.
    func write(to url: URL) throws {
        try AtomicFile.write(Data(svg().utf8), to: url)
    }

    /// About six round epoch numbers from 1 to `epochs`.
    private func xTicks(_ epochs: Int) -> [Int] {
        let step = [1, 2, 5, 10, 20, 25, 50, 100].first { epochs / $0 <= 6 } ?? max(1, epochs / 6)
        return [1] + stride(from: step, through: epochs, by: step).filter { $0 > 1 }
    }

    private func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

extension TrainingChart {
    /// Draws the chart in the terminal and writes it as `<name>.svg` in `folder`, naming the file.
    func show(on console: Console, writingTo folder: URL, name: String) throws -> URL {
        for line in terminalLines(console: console) { console.line(line) }
        let file = folder.appendingPathComponent(name + ".svg")
        try write(to: file)
        console.say(Self.words("chart.written", ["file": file.path]))
        return file
    }
}
