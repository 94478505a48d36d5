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
        guard let index = smoothed.indices.min(by: { smoothed[$0] < smoothed[$1] }) else {
            return (rates.first ?? 0, .nan)
        }
        return (rates[index], smoothed[index])
    }

    /// The first rate after the lowest point where the smoothed loss is back above where it
    /// began: the rate at which training diverges. Nil when it never climbs that far.
    var divergence: Double? {
        guard let first = smoothed.first, let low = smoothed.indices.min(by: { smoothed[$0] < smoothed[$1] }) else {
            return nil
        }
        return smoothed.indices.first { $0 > low && smoothed[$0] > first }.map { rates[$0] }
    }

    /// A rate marked on the chart with a label.
    struct Mark {
        var rate: Double
        var label: String
    }

    /// The rates on a log axis, a tick at every power of ten.
    private var rateAxis: ChartAxis {
        ChartAxis.decades(from: rates.first ?? 1e-5, to: rates.last ?? 10)
    }

    /// The smoothed loss, from its lowest to one and a half times where it began (the blow-up
    /// above that is cut), in round steps.
    private var lossAxis: ChartAxis {
        let high = min(smoothed.max() ?? 1, (smoothed.first ?? 1) * 1.5)
        return ChartAxis.fitting(smoothed.filter { $0 <= high }, bounds: 0 ... .infinity)
    }

    private static var words: Words { Words.chapter("10-learning-rate") }

    // MARK: Terminal

    func terminalLines(marks: [Mark], console: Console, width: Int = 60, height: Int = 12) -> [String] {
        guard !smoothed.isEmpty else { return [] }
        var plot = TerminalPlot(width: width, height: height, x: rateAxis, y: lossAxis)
        for mark in marks { plot.rule(atX: mark.rate, console.style("┊", .dim)) }
        for (rate, loss) in zip(rates, smoothed) where loss <= lossAxis.high {
            plot.mark(x: rate, y: loss, console.style("•", .cyan))
        }
        var lines = ["  " + Self.words("run.range.axis.loss")] + plot.lines()
        lines.append(String(repeating: " ", count: TerminalPlot.margin) + Self.words("run.range.axis.rate"))
        for mark in marks {
            lines.append(
                String(repeating: " ", count: TerminalPlot.margin) + "┊ " + mark.label + ": " + Format.rate(mark.rate))
        }
        return lines
    }

    // MARK: SVG

    func svg(marks: [Mark], title: String, xLabel: String, yLabel: String) -> String {
        let plot = SVG.Plot(left: 70, top: 50, width: 640, height: 320, x: rateAxis, y: lossAxis)
        var document = SVG.Document(
            width: plot.left + plot.width + 30,
            height: plot.top + plot.height + 60 + 22 * Double(marks.count + 1), title: title)
        document.add(plot.axes(xTitle: xLabel, yTitle: yLabel))
        let high = lossAxis.high
        let raw = zip(rates, losses).prefix(smoothed.count).map { (x: $0.0, y: min($0.1, high)) }
        document.add(plot.polyline(raw, color: "#aec7e8", width: 1))
        document.add(plot.polyline(zip(rates, smoothed).map { (x: $0.0, y: min($0.1, high)) }, color: SVG.colors[0]))
        var legendY = plot.top + plot.height + 60
        for (index, mark) in marks.enumerated() {
            let color = SVG.colors[(index + 1) % SVG.colors.count]
            document.add(plot.rule(atX: mark.rate, color: color))
            document.add(
                SVG.legendEntry(
                    x: plot.left, y: legendY, name: mark.label + ": " + Format.rate(mark.rate),
                    color: color, dash: "4,3"))
            legendY += 22
        }
        return document.text
    }
}
