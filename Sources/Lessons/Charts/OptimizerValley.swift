import Foundation
import NNKit

/// Six optimizers on a loss of two weights, where their paths can be drawn: the elongated valley
/// f(x, y) = x²/20 + y², curving twenty times more sharply across (y) than along (x), its minimum
/// at (0, 0).
/// Each path is NNKit's own optimizer stepping a two-weight `Parameter` from the same start.
enum OptimizerValley {
    static let start: (x: Float, y: Float) = (-4.5, 1.6)
    static let steps = 40
    /// The part of the plane drawn: x from −5 to 1.5, y from −1.5 to 2.
    static let xRange: ClosedRange<Double> = -5...1.5
    static let yRange: ClosedRange<Double> = -1.5...2
    /// The heights whose contour lines are drawn: in the picture, and on the terminal's coarser maps.
    static let levels: [Double] = [0.05, 0.25, 0.6, 1.1, 1.8, 2.7]
    static let terminalLevels: [Double] = [0.3, 1.3]

    /// The optimizers and the rates the picture uses: one rate for the three SGDs, so that what
    /// momentum adds is seen; the adaptive ones at rates that make forty steps enough.
    static let contenders: [(name: String, make: @Sendable () -> any Optimizer)] = [
        ("SGD(0.1)", { SGD(learningRate: 0.1) }),
        ("momentum 0.9", { SGD(learningRate: 0.1, momentum: 0.9) }),
        ("Nesterov", { SGD(learningRate: 0.1, momentum: 0.9, nesterov: true) }),
        ("Adagrad(0.5)", { Adagrad(learningRate: 0.5) }),
        ("RMSprop(0.1)", { RMSprop(learningRate: 0.1) }),
        ("Adam(0.3)", { Adam(learningRate: 0.3) }),
    ]

    private static var words: Words { OptimizersChapter().words }

    static func height(_ point: (x: Float, y: Float)) -> Double {
        let (x, y) = (Double(point.x), Double(point.y))
        return x * x / 20 + y * y
    }

    /// The start and the point after each of `steps` steps of `optimizer`.
    static func path(of optimizer: any Optimizer) -> [(x: Float, y: Float)] {
        let weights = Parameter(name: "xy", value: Matrix(row: [start.x, start.y]))
        var points = [start]
        for _ in 0..<steps {
            let (x, y) = (weights.value.scalars[0], weights.value.scalars[1])
            weights.gradient = Matrix(row: [x / 10, 2 * y])
            optimizer.step([weights])
            points.append((weights.value.scalars[0], weights.value.scalars[1]))
        }
        return points
    }

    // MARK: Terminal

    /// The six paths as small maps, three to a row: dots for the contour lines, `+` at the
    /// minimum, `•` along the path and `◉` where it ended; under each, the height reached.
    static func terminalLines(
        paths: [[(x: Float, y: Float)]], console: Console,
        width: Int = 24, height: Int = 8
    ) -> [String] {
        func column(_ x: Double) -> Int {
            Int(((x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(width - 1)).rounded())
        }
        func row(_ y: Double) -> Int {
            Int(((yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * Double(height - 1)).rounded())
        }
        func inside(_ c: Int, _ r: Int) -> Bool { c >= 0 && c < width && r >= 0 && r < height }
        // A cell shows a contour when some level lies between the heights at its corners.
        var background = Array(repeating: Array(repeating: " ", count: width), count: height)
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(width - 1)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(height - 1)
        for r in 0..<height {
            for c in 0..<width {
                let x = xRange.lowerBound + Double(c) * dx, y = yRange.upperBound - Double(r) * dy
                let corners = [(-0.5, -0.5), (0.5, -0.5), (-0.5, 0.5), (0.5, 0.5)].map { a, b in
                    Self.height((Float(x + a * dx), Float(y + b * dy)))
                }
                let (low, high) = (corners.min() ?? 0, corners.max() ?? 0)
                if terminalLevels.contains(where: { $0 > low && $0 <= high }) {
                    background[r][c] = console.style("·", .dim)
                }
            }
        }
        let (minimumColumn, minimumRow) = (column(0), row(0))
        var panels: [[String]] = []
        for points in paths {
            var grid = background
            grid[minimumRow][minimumColumn] = "+"
            for (from, to) in zip(points, points.dropFirst()) {
                let pieces = 8
                for k in 0...pieces {
                    let t = Float(k) / Float(pieces)
                    let (c, r) = (
                        column(Double(from.x + (to.x - from.x) * t)), row(Double(from.y + (to.y - from.y) * t))
                    )
                    if inside(c, r) { grid[r][c] = console.style("•", .cyan) }
                }
            }
            if let last = points.last, inside(column(Double(last.x)), row(Double(last.y))) {
                grid[row(Double(last.y))][column(Double(last.x))] = console.style("◉", .bold)
            }
            panels.append(grid.map { $0.joined() })
        }
        var lines: [String] = []
        for first in stride(from: 0, to: paths.count, by: 3) {
            let group = Array(first..<min(first + 3, paths.count))
            lines.append("  " + group.map { Format.padded(contenders[$0].name, width) }.joined(separator: "  "))
            for r in 0..<height {
                lines.append("  " + group.map { panels[$0][r] }.joined(separator: "  "))
            }
            lines.append(
                "  "
                    + group.map { index in
                        Format.padded(
                            words(
                                "run.valley.reached",
                                ["height": Format.fixed(Self.height(paths[index].last ?? start), 3)]), width)
                    }.joined(separator: "  "))
            lines.append("")
        }
        return lines
    }

    // MARK: SVG

    /// All six paths on one map, over the contour ellipses, with a legend.
    static func svg(paths: [[(x: Float, y: Float)]], title: String) -> String {
        let plot = SVG.Plot(
            left: 50, top: 50, width: 650, height: 350,
            x: ChartAxis(low: xRange.lowerBound, high: xRange.upperBound, step: 1),
            y: ChartAxis(low: yRange.lowerBound, high: yRange.upperBound, step: 1))
        let legendTop = plot.top + plot.height + 40
        var document = SVG.Document(
            width: plot.left + plot.width + 30,
            height: legendTop + 22.0 * Double((paths.count + 1) / 2) + 10, title: title)
        let f = SVG.number
        document.add(
            "<clipPath id=\"plot\"><rect x=\"\(f(plot.left))\" y=\"\(f(plot.top))\" "
                + "width=\"\(f(plot.width))\" height=\"\(f(plot.height))\"/></clipPath>\n")
        document.add(plot.axes(xTitle: "x", yTitle: "y"))
        let xScale = plot.width / (xRange.upperBound - xRange.lowerBound)
        let yScale = plot.height / (yRange.upperBound - yRange.lowerBound)
        document.add("<g clip-path=\"url(#plot)\">\n")
        for level in levels {
            // x²/20 + y² = level: semi-axes √(20·level) along x and √level along y.
            document.add(
                "<ellipse cx=\"\(f(plot.px(0)))\" cy=\"\(f(plot.py(0)))\" rx=\"\(f((20 * level).squareRoot() * xScale))\" "
                    + "ry=\"\(f(level.squareRoot() * yScale))\" fill=\"none\" stroke=\"#ccc\"/>\n")
        }
        for (index, points) in paths.enumerated() {
            let color = SVG.colors[index % SVG.colors.count]
            document.add(plot.polyline(points.map { (x: Double($0.x), y: Double($0.y)) }, color: color, width: 1.8))
            for point in points {
                document.add(
                    "<circle cx=\"\(f(plot.px(Double(point.x))))\" cy=\"\(f(plot.py(Double(point.y))))\" "
                        + "r=\"2\" fill=\"\(color)\"/>\n")
            }
        }
        document.add("</g>\n")
        document.add(
            "<text x=\"\(f(plot.px(0)))\" y=\"\(f(plot.py(0) + 4))\" text-anchor=\"middle\" font-size=\"14\">+</text>\n"
        )
        for (index, points) in paths.enumerated() {
            let label =
                "\(contenders[index].name): "
                + words(
                    "run.valley.reached",
                    [
                        "height": Format.fixed(Self.height(points.last ?? start), 3)
                    ])
            document.add(
                SVG.legendEntry(
                    x: plot.left + Double(index % 2) * plot.width / 2,
                    y: legendTop + 22 * Double(index / 2), name: label,
                    color: SVG.colors[index % SVG.colors.count]))
        }
        return document.text
    }
}
