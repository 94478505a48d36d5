import Foundation

/// The range test's loss against its learning rate: smoothed, its lowest point and where it
/// blows up, drawn on a log axis in the terminal and as SVG.
struct RangeTestCurve {
    /// Each batch's rate and loss, in order.
    let rates: [Double]
    let losses: [Double]
    /// The losses smoothed by an exponential moving average (weight 0.98 on the past), corrected
    /// for starting at zero as Adam's averages are; cut after the loss has blown up.
    let smoothed: [Double]

    static let smoothing = 0.98
    /// The curve counts as blown up once the smoothed loss is this many times its lowest.
    static let blowUp = 4.0

    init(rates: [Double], losses: [Double]) {
        self.rates = rates
        self.losses = losses
        smoothed = Self.smooth(losses)
    }

    /// The moving average of `losses`, stopping after the first value above `blowUp` times the
    /// lowest so far (or at the first non-finite one).
    static func smooth(_ losses: [Double]) -> [Double] {
        var average = 0.0, lowest = Double.infinity
        var result: [Double] = []
        for (index, loss) in losses.enumerated() {
            guard loss.isFinite else { break }
            average = smoothing * average + (1 - smoothing) * loss
            let value = average / (1 - pow(smoothing, Double(index + 1)))
            result.append(value)
            lowest = min(lowest, value)
            if value > blowUp * lowest { break }
        }
        return result
    }

    /// The rate where the smoothed loss is lowest, and that loss.
    var lowest: (rate: Double, loss: Double) {
        guard let index = smoothed.indices.min(by: { smoothed[$0] < smoothed[$1] }) else { return (rates.first ?? 0, .nan) }
        return (rates[index], smoothed[index])
    }

    /// The first rate after the lowest point where the smoothed loss is back above where it
    /// began: the rate at which training diverges. Nil when it never climbs that far.
    var divergence: Double? {
        guard let first = smoothed.first, let low = smoothed.indices.min(by: { smoothed[$0] < smoothed[$1] }) else { return nil }
        return smoothed.indices.first { $0 > low && smoothed[$0] > first }.map { rates[$0] }
    }

    /// A rate marked on the chart with a label.
    struct Mark {
        var rate: Double
        var label: String
    }

    private var decades: ClosedRange<Double> {
        // The rates were Floats: 1e-5 comes back as 0.99999997e-5, which must not add a decade.
        let low = (log10(rates.first ?? 1e-5) + 1e-6).rounded(.down)
        let high = (log10(rates.last ?? 10) - 1e-6).rounded(.up)
        return low ... max(high, low + 1)
    }

    private var lossRange: (low: Double, high: Double) {
        let low = smoothed.min() ?? 0
        let high = min(smoothed.max() ?? 1, (smoothed.first ?? 1) * 1.5)
        return (low, high > low ? high : low + 1)
    }

    // MARK: Terminal

    func terminalLines(marks: [Mark], console: Console, width: Int = 60, height: Int = 12) -> [String] {
        guard !smoothed.isEmpty else { return [] }
        let decades = decades, (low, high) = lossRange
        func column(_ rate: Double) -> Int {
            Int(((log10(rate) - decades.lowerBound) / (decades.upperBound - decades.lowerBound) * Double(width - 1)).rounded())
        }
        func row(_ loss: Double) -> Int {
            max(0, min(height - 1, Int(((high - loss) / (high - low) * Double(height - 1)).rounded())))
        }
        var grid = Array(repeating: Array(repeating: " ", count: width), count: height)
        for mark in marks {
            let c = column(mark.rate)
            guard c >= 0 && c < width else { continue }
            for r in 0 ..< height { grid[r][c] = console.style("┊", .dim) }
        }
        for (rate, loss) in zip(rates, smoothed) where loss <= high {
            let c = column(rate)
            if c >= 0 && c < width { grid[row(loss)][c] = console.style("•", .cyan) }
        }
        var lines = ["  " + Words.chapter("10-learning-rate")("run.range.axis.loss")]
        for (r, cells) in grid.enumerated() {
            let value = high - (high - low) * Double(r) / Double(height - 1)
            let label = r == 0 || r == height - 1 || r == height / 2 ? Format.fixed(value, 2) : ""
            lines.append(Format.rightAligned(label, 8) + " ┤" + cells.joined())
        }
        lines.append(String(repeating: " ", count: 9) + "└" + String(repeating: "─", count: width))
        var axis = Array(repeating: " ", count: width + 12)
        for decade in stride(from: decades.lowerBound, through: decades.upperBound, by: 1) {
            let label = Format.rate(pow(10, decade))
            let start = 10 + column(pow(10, decade)) - label.count / 2
            for (offset, character) in label.enumerated() where start + offset >= 0 && start + offset < axis.count {
                axis[start + offset] = String(character)
            }
        }
        lines.append(axis.joined())
        lines.append(String(repeating: " ", count: 10) + Words.chapter("10-learning-rate")("run.range.axis.rate"))
        for mark in marks {
            lines.append(String(repeating: " ", count: 10) + "┊ " + mark.label + ": " + Format.rate(mark.rate))
        }
        return lines
    }

    // MARK: SVG

    func svg(marks: [Mark], title: String, xLabel: String, yLabel: String) -> String {
        let (plotWidth, plotHeight) = (640.0, 320.0)
        let (left, top) = (70.0, 50.0)
        let width = left + plotWidth + 30, height = top + plotHeight + 60 + 22 * Double(marks.count + 1)
        let decades = decades, (low, high) = lossRange
        func px(_ rate: Double) -> Double {
            left + (log10(rate) - decades.lowerBound) / (decades.upperBound - decades.lowerBound) * plotWidth
        }
        func py(_ loss: Double) -> Double { top + (high - min(loss, high)) / (high - low) * plotHeight }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(width / 2))" y="28" text-anchor="middle" font-size="16" font-weight="bold">\(SVG.escaped(title))</text>
            <rect x="\(f(left))" y="\(f(top))" width="\(f(plotWidth))" height="\(f(plotHeight))" fill="none" stroke="#333"/>

            """
        for decade in stride(from: decades.lowerBound, through: decades.upperBound, by: 1) {
            let x = px(pow(10, decade))
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight + 5))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(f(x))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(Format.rate(pow(10, decade)))</text>\n"
        }
        for tick in 0 ... 4 {
            let value = low + (high - low) * Double(tick) / 4
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(py(value) + 4))\" text-anchor=\"end\">\(Format.fixed(value, 2))</text>\n"
        }
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 38))\" text-anchor=\"middle\">\(SVG.escaped(xLabel))</text>\n"
        svg += "<text transform=\"translate(\(f(left - 50)),\(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVG.escaped(yLabel))</text>\n"
        let raw = zip(rates, losses).prefix(smoothed.count).filter { $0.1.isFinite }
            .map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(raw)\" fill=\"none\" stroke=\"#aec7e8\" stroke-width=\"1\"/>\n"
        let line = zip(rates, smoothed).map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
        var legendY = top + plotHeight + 60
        let colors = ["#d62728", "#2ca02c", "#9467bd"]
        for (index, mark) in marks.enumerated() {
            let color = colors[index % colors.count]
            svg += "<line x1=\"\(f(px(mark.rate)))\" y1=\"\(f(top))\" x2=\"\(f(px(mark.rate)))\" y2=\"\(f(top + plotHeight))\" stroke=\"\(color)\" stroke-dasharray=\"4,3\"/>\n"
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(legendY))\" x2=\"\(f(left + 30))\" y2=\"\(f(legendY))\" stroke=\"\(color)\" stroke-dasharray=\"4,3\"/>\n"
            svg += "<text x=\"\(f(left + 38))\" y=\"\(f(legendY + 4))\">\(SVG.escaped(mark.label + ": " + Format.rate(mark.rate)))</text>\n"
            legendY += 22
        }
        return svg + "</svg>\n"
    }
}
