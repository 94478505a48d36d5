import Foundation
import NNKit

/// Numbers as a learner reads them: fixed decimals, signs where they matter.
enum Format {
    /// A count with thousands separated by commas: 10000 → "10,000".
    static func grouped(_ value: Int) -> String {
        NNKit.grouped(value)
    }

    /// `0.8123` for `decimals: 4`. A value that rounds to zero is `0.000`, never `-0.000`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
            ? String(text.dropFirst()) : text
    }

    static func fixed(_ value: Float, _ decimals: Int) -> String {
        fixed(Double(value), decimals)
    }

    /// `+ 0.50` / `- 0.25`: a coefficient inside an equation.
    static func signed(_ value: Float, _ decimals: Int) -> String {
        (value < 0 ? "- " : "+ ") + fixed(abs(value), decimals)
    }

    /// `+0.010` / `-0.067`: a difference, its sign always shown.
    static func difference(_ value: Double, _ decimals: Int) -> String {
        (value < 0 ? "-" : "+") + fixed(abs(value), decimals)
    }

    /// A learning rate with two significant digits, as a learner would type it: `0.01`, `0.0032`,
    /// `3.2e-05`, `10`.
    static func rate(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "\(value)" }
        return String(format: "%.2g", value)
    }

    /// `text` padded with spaces on the right to `width` terminal columns (Hangul takes two).
    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - TextLayout.displayWidth(text)))
    }

    /// `text` padded with spaces on the left to `width` terminal columns.
    static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextLayout.displayWidth(text))) + text
    }
}
