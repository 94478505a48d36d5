import NNKit

/// Counts of (true class, predicted class) pairs: row `t`, column `p` is how many samples of
/// class `t` the model called `p`. The diagonal holds the correct answers.
struct ConfusionMatrix {
    let classNames: [String]
    private(set) var counts: [[Int]]

    init(classNames: [String], predicted: [Int], actual: [Int]) {
        self.classNames = classNames
        counts = Array(repeating: Array(repeating: 0, count: classNames.count), count: classNames.count)
        for (p, t) in zip(predicted, actual) { counts[t][p] += 1 }
    }

    /// Each class's share of its own samples predicted correctly (its recall).
    var perClassAccuracy: [Double] {
        counts.indices.map { t in
            let total = counts[t].reduce(0, +)
            return total == 0 ? 0 : Double(counts[t][t]) / Double(total)
        }
    }

    /// The largest off-diagonal cells: (true, predicted, count), most first.
    func topConfusions(_ n: Int) -> [(actual: Int, predicted: Int, count: Int)] {
        var cells: [(Int, Int, Int)] = []
        for t in counts.indices {
            for p in counts.indices where p != t { cells.append((t, p, counts[t][p])) }
        }
        return Array(cells.sorted { $0.2 > $1.2 }.prefix(n))
    }

    /// The table: true classes down, predicted across, by class number, with a key.
    func lines(console: Console) -> [String] {
        let words = Words.shared
        let width = 5
        var lines = [
            words("confusion.header", ["columns": counts.indices.map { Format.rightAligned("\($0)", width) }.joined()])
        ]
        for t in counts.indices {
            let cells = counts[t].indices.map { p -> String in
                let text = Format.rightAligned("\(counts[t][p])", width)
                return p == t ? console.style(text, .green) : (counts[t][p] >= 50 ? console.style(text, .red) : text)
            }
            let name = Format.padded(words("confusion.class", ["number": "\(t)", "name": classNames[t]]), 16)
            lines.append(
                words(
                    "confusion.row",
                    [
                        "name": name, "cells": cells.joined(),
                        "accuracy": Format.fixed(perClassAccuracy[t], 3),
                    ]))
        }
        return lines
    }
}
