import Foundation
import NNKit

/// Loss and accuracy curves after training, for one model or several on the same axes: drawn
/// compactly in the terminal and written as an SVG file (axes, ticks, labels, a legend) that a
/// learner opens in a browser. Its labels (the panels' titles, the series' names, the axes) are
/// the shared words' `chart.…` entries; the title and the models' names come from the chapter.
struct TrainingChart {
    struct Series: Equatable {
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

    static let colors = SVG.colors
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
            Panel(
                title: words(titleKey),
                series: histories.enumerated().flatMap { index, entry -> [Series] in
                    let color = Self.colors[index % Self.colors.count]
                    return [
                        Series(
                            name: seriesName(entry.name, "chart.legend.train"),
                            values: entry.history[metric].map(Double.init),
                            color: color, dashed: false, glyph: Self.trainGlyphs[index % Self.trainGlyphs.count]),
                        Series(
                            name: seriesName(entry.name, "chart.legend.validation"),
                            values: entry.history[metric.validation].map(Double.init),
                            color: color, dashed: true,
                            glyph: Self.validationGlyphs[index % Self.validationGlyphs.count]),
                    ].filter { !$0.values.isEmpty }
                })
        }
    }

    var epochCount: Int {
        panels.flatMap(\.series).map(\.values.count).max() ?? 0
    }

    /// A panel's value axis, in round steps, never past 0 or 1 when the values lie inside them
    /// (a loss below 0, an accuracy above 1 would be labels nothing can reach).
    static func axis(_ panel: Panel) -> ChartAxis {
        let values = panel.series.flatMap(\.values).filter(\.isFinite)
        let (lowest, highest) = (values.min() ?? 0, values.max() ?? 1)
        let bounds = (lowest >= 0 ? 0 : -Double.infinity)...(lowest >= 0 && highest <= 1 ? 1 : Double.infinity)
        return ChartAxis.fitting(values, bounds: bounds)
    }

    /// The epochs, counted from 1, and about six round ones to label: 1, 5, 10, 15, 20.
    var epochAxis: (axis: ChartAxis, labels: [(value: Double, text: String)]) {
        let epochs = max(epochCount, 1)
        let step = [1, 2, 5, 10, 20, 25, 50, 100].first { epochs / $0 <= 6 } ?? max(1, epochs / 6)
        let labelled = [1] + stride(from: step, through: epochs, by: step).filter { $0 > 1 }
        return (ChartAxis(low: 1, high: Double(epochs), step: Double(step)), labelled.map { (Double($0), "\($0)") })
    }

    /// The series a terminal panel shows together: at most two (a model's training and validation
    /// curves, or two models), so that no curve hides behind another.
    static func terminalGroups(_ series: [Series]) -> [[Series]] {
        stride(from: 0, to: series.count, by: 2).map { Array(series[$0..<min($0 + 2, series.count)]) }
    }

    // MARK: Terminal

    /// Each panel as character plots, the epochs across and the values up: each epoch's value
    /// marked with its series' glyph and joined to the next by dots. A panel of more than two
    /// series is drawn as several plots on the same axes, two series each.
    func terminalLines(console: Console, width: Int = 60, height: Int = 10) -> [String] {
        guard epochCount > 0 else { return [] }
        let (xAxis, xLabels) = epochAxis
        var lines: [String] = []
        for panel in panels where !panel.series.isEmpty {
            let yAxis = Self.axis(panel)
            let groups = Self.terminalGroups(panel.series)
            lines.append("  \(panel.title)")
            for group in groups {
                var plot = TerminalPlot(width: width, height: groups.count > 1 ? 8 : height, x: xAxis, y: yAxis)
                for marker in markers where marker.epoch >= 1 && marker.epoch <= epochCount {
                    plot.rule(atX: Double(marker.epoch), console.style("┊", .dim))
                }
                for (index, series) in group.enumerated() {
                    let style: Console.Style = index % 2 == 0 ? .cyan : .bold
                    let points = series.values.enumerated().map { (x: Double($0.offset + 1), y: $0.element) }
                    plot.polyline(
                        points, dot: console.style("·", style), glyph: console.style(String(series.glyph), style))
                }
                lines += plot.lines(xLabels: xLabels)
                lines += TerminalPlot.legend(
                    group.map { "\($0.glyph) \($0.name)" } + markers.map { "┊ \($0.label)" }
                        + [Self.words("chart.axis.epoch")].filter { _ in group == groups.last })
                lines.append("")
            }
        }
        return lines
    }

    // MARK: SVG

    /// The chart as a standalone SVG document: one panel per metric, side by side.
    func svg() -> String {
        let panelWidth = 440.0, panelHeight = 300.0
        let left = 60.0, top = 50.0, right = 20.0, bottom = 50.0
        let legendHeight = 22.0 * Double((panels.map(\.series.count).max() ?? 0) + markers.count) + 10
        var document = SVG.Document(
            width: Double(panels.count) * (panelWidth + left + right) + 20,
            height: top + panelHeight + bottom + legendHeight, title: title)
        let (xAxis, xLabels) = epochAxis
        for (index, panel) in panels.enumerated() {
            let plot = SVG.Plot(
                left: 20 + Double(index) * (panelWidth + left + right) + left, top: top,
                width: panelWidth, height: panelHeight, x: xAxis, y: Self.axis(panel))
            document.add("<g>\n")
            document.add(
                plot.axes(
                    title: panel.title, xTitle: Self.words("chart.axis.epoch"), yTitle: panel.title,
                    xLabels: xLabels))
            for marker in markers where marker.epoch >= 1 && marker.epoch <= epochCount {
                document.add(plot.rule(atX: Double(marker.epoch)))
            }
            for series in panel.series {
                let points = series.values.enumerated().map { (x: Double($0.offset + 1), y: $0.element) }
                document.add(plot.polyline(points, color: series.color, dashed: series.dashed))
            }
            var legendY = top + panelHeight + bottom + 12
            for series in panel.series {
                document.add(
                    SVG.legendEntry(
                        x: plot.left, y: legendY, name: series.name, color: series.color,
                        dashed: series.dashed))
                legendY += 22
            }
            for marker in markers {
                document.add(SVG.legendEntry(x: plot.left, y: legendY, name: marker.label, color: "#888", dash: "2,3"))
                legendY += 22
            }
            document.add("</g>\n")
        }
        return document.text
    }

    /// Writes the SVG atomically to `url`.
    func write(to url: URL) throws {
        try AtomicFile.write(Data(svg().utf8), to: url)
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
