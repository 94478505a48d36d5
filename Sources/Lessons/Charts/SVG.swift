import Foundation

/// What the SVG pictures share.
enum SVG {
    /// `text` safe inside an SVG element or attribute: `&`, `<`, `>` and `"` as entities.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A coordinate with one decimal.
    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// The colours of series, in order (matplotlib's first six, which learners know).
    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]

    /// A standalone SVG document of `width` by `height` on white, with `title` on top, whose
    /// `body` the chart fills in.
    struct Document {
        let width: Double
        let height: Double
        var body = ""

        init(width: Double, height: Double, title: String) {
            self.width = width
            self.height = height
            body =
                "<text x=\"\(number(width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"16\" "
                + "font-weight=\"bold\">\(escaped(title))</text>\n"
        }

        mutating func add(_ element: String) {
            body += element
        }

        var text: String {
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            \(body)</svg>

            """
        }
    }

    /// A plot area at (`left`, `top`) of `width` by `height` between two axes: where values fall
    /// in the picture, and its frame, grid lines, tick labels and axis titles.
    struct Plot {
        let left: Double
        let top: Double
        let width: Double
        let height: Double
        let x: ChartAxis
        let y: ChartAxis

        func px(_ value: Double) -> Double { left + x.fraction(value) * width }
        func py(_ value: Double) -> Double { top + (1 - y.fraction(value)) * height }

        /// The frame, a grid line and label at every tick, the axis titles and the plot's own title.
        func axes(
            title: String? = nil, xTitle: String, yTitle: String,
            xLabels: [(value: Double, text: String)]? = nil
        ) -> String {
            var svg = ""
            if let title {
                svg +=
                    "<text x=\"\(number(left + width / 2))\" y=\"\(number(top - 10))\" text-anchor=\"middle\" "
                    + "font-weight=\"bold\">\(escaped(title))</text>\n"
            }
            for tick in y.ticks {
                svg += line(x1: left - 5, y1: py(tick), x2: left + width, y2: py(tick), stroke: "#ddd")
                svg +=
                    "<text x=\"\(number(left - 8))\" y=\"\(number(py(tick) + 4))\" text-anchor=\"end\">"
                    + "\(escaped(y.label(tick)))</text>\n"
            }
            for label in xLabels ?? x.ticks.map({ ($0, x.label($0)) }) {
                svg += line(x1: px(label.value), y1: top, x2: px(label.value), y2: top + height + 5, stroke: "#ddd")
                svg +=
                    "<text x=\"\(number(px(label.value)))\" y=\"\(number(top + height + 18))\" "
                    + "text-anchor=\"middle\">\(escaped(label.text))</text>\n"
            }
            svg +=
                "<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(width))\" "
                + "height=\"\(number(height))\" fill=\"none\" stroke=\"#333\"/>\n"
            svg +=
                "<text x=\"\(number(left + width / 2))\" y=\"\(number(top + height + 36))\" "
                + "text-anchor=\"middle\">\(escaped(xTitle))</text>\n"
            svg +=
                "<text transform=\"translate(\(number(left - 50)),\(number(top + height / 2))) rotate(-90)\" "
                + "text-anchor=\"middle\">\(escaped(yTitle))</text>\n"
            return svg
        }

        /// A line through `points` (skipping non-finite ones), dashed or not.
        func polyline(
            _ points: [(x: Double, y: Double)], color: String, width strokeWidth: Double = 2,
            dashed: Bool = false
        ) -> String {
            let coordinates = points.filter { $0.y.isFinite && $0.x.isFinite }
                .map { "\(number(px($0.x))),\(number(py($0.y)))" }.joined(separator: " ")
            return "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(color)\" "
                + "stroke-width=\"\(number(strokeWidth))\"" + (dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>\n"
        }

        /// A dotted vertical line across the plot at `value`.
        func rule(atX value: Double, color: String = "#888") -> String {
            line(x1: px(value), y1: top, x2: px(value), y2: top + height, stroke: color, dash: "2,3")
        }
    }

    /// A legend entry at (`x`, `y`): a short line in the series' style, then its name.
    static func legendEntry(
        x: Double, y: Double, name: String, color: String, dashed: Bool = false,
        dash: String? = nil
    ) -> String {
        line(x1: x, y1: y, x2: x + 30, y2: y, stroke: color, width: 2, dash: dash ?? (dashed ? "6,4" : nil))
            + "<text x=\"\(number(x + 38))\" y=\"\(number(y + 4))\">\(escaped(name))</text>\n"
    }

    static func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double? = nil,
        dash: String? = nil
    ) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\""
            + (width.map { " stroke-width=\"\(number($0))\"" } ?? "")
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")
            + "/>\n"
    }
}
