import Foundation
import NNKit
import Testing

@testable import Lessons

/// The chart toolkit: round ticks, values placed where they belong, no curve hidden.
@Suite("Charts")
struct ChartTests {
    @Test(
        "Axes fitted to values step by 1, 2 or 5 times a power of ten and end on steps",
        arguments: [
            ([0.114, 0.485], 0.1, 0.1, 0.5),
            ([0.8012, 0.9134], 0.02, 0.8, 0.92),
            ([0.3, 0.3], 0.02, 0.24, 0.36),
            ([2.3, 0.41], 0.5, 0.0, 2.5),
        ])
    func roundTicks(values: [Double], step: Double, low: Double, high: Double) {
        let axis = ChartAxis.fitting(values, bounds: 0 ... .infinity)
        #expect(abs(axis.step - step) < 1e-12, "step \(axis.step)")
        #expect(abs(axis.low - low) < 1e-9 && abs(axis.high - high) < 1e-9, "\(axis.low) to \(axis.high)")
        for tick in axis.ticks {
            // Every tick is a whole number of steps, and its label says it in few digits.
            #expect(abs((tick / step).rounded() * step - tick) < 1e-9)
            #expect(axis.label(tick).count <= 5, "label \(axis.label(tick))")
        }
        #expect(values.allSatisfy { axis.fraction($0) >= 0 && axis.fraction($0) <= 1 })
    }

    @Test("An accuracy axis never passes 1, a loss axis never drops below 0")
    func bounds() {
        #expect(ChartAxis.fitting([0.95, 0.999], bounds: 0...1).high == 1)
        #expect(ChartAxis.fitting([0.01, 0.3], bounds: 0 ... .infinity).low == 0)
    }

    @Test("A log axis ticks every power of ten and does not gain a decade from Float rounding")
    func decades() {
        let axis = ChartAxis.decades(from: Double(Float(1e-5)), to: 10)
        #expect(axis.ticks.count == 7)
        #expect(axis.label(axis.ticks[0]) == "1e-05")
        #expect(abs(axis.fraction(1e-2) - 0.5) < 1e-9)
    }

    @Test("A terminal plot puts the y labels at the rows of round ticks and a point where it belongs")
    func terminalPlot() {
        var plot = TerminalPlot(
            width: 21, height: 11, x: ChartAxis(low: 0, high: 10, step: 5),
            y: ChartAxis(low: 0, high: 1, step: 0.5))
        plot.mark(x: 5, y: 0.5, "X")
        let lines = plot.lines()
        #expect(lines[0].hasPrefix("     1.0 ┤"))
        #expect(lines[5].hasPrefix("     0.5 ┤"))
        #expect(lines[10].hasPrefix("     0.0 ┤"))
        #expect(Array(lines[5])[TerminalPlot.margin + 10] == "X")
        #expect(lines[12].contains("0") && lines[12].contains("5") && lines[12].contains("10"))
    }

    @Test("A terminal panel shows at most two series at a time, so that no curve hides another")
    func fewSeriesPerPlot() {
        // Three models, each with a training and a validation curve, as chapter 8 draws them.
        let series = (0..<6).map { index in
            TrainingChart.Series(
                name: "series \(index)", values: (0..<5).map { 0.15 * Double(index) + 0.1 / Double($0 + 1) },
                color: SVG.colors[index / 2],
                dashed: index % 2 == 1,
                glyph: (index % 2 == 0 ? TrainingChart.trainGlyphs : TrainingChart.validationGlyphs)[index / 2])
        }
        let chart = TrainingChart(
            title: "t",
            panels: [
                TrainingChart.Panel(title: "loss", series: series),
                TrainingChart.Panel(title: "accuracy", series: series),
            ])
        let console = Console(CapturedOutput())
        let lines = chart.terminalLines(console: console)
        // Every series' glyph appears: three plots of two series for each of loss and accuracy.
        for glyph in TrainingChart.trainGlyphs.prefix(3) + TrainingChart.validationGlyphs.prefix(3) {
            #expect(lines.contains { $0.contains(glyph) && $0.contains("┤") }, "\(glyph) is hidden")
        }
        #expect(lines.filter { $0.hasPrefix(String(repeating: " ", count: 9) + "└") }.count == 6)
        #expect(lines.allSatisfy { TextLayout.displayWidth($0) <= 80 })
    }
}
