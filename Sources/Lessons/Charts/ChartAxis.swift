import Foundation

/// One axis of a chart: a range of values, where a value falls on it, and round values to mark.
///
/// A linear axis steps by 1, 2 or 5 times a power of ten and ends on steps, so that its ticks
/// read 0.2, 0.4, 0.6 rather than 0.114, 0.300, 0.485. A logarithmic axis (learning rates) marks
/// each power of ten.
struct ChartAxis: Equatable {
    enum Kind: Equatable {
        case linear
        case logarithmic
    }

    var low: Double
    var high: Double
    var kind: Kind = .linear
    /// The distance between ticks of a linear axis (a power of ten for a logarithmic one, in
    /// decades).
    var step: Double

    /// An axis from `low` to `high` exactly, ticked every `step`.
    init(low: Double, high: Double, step: Double, kind: Kind = .linear) {
        self.low = low
        self.high = high > low ? high : low + max(step, 1e-9)
        self.step = step
        self.kind = kind
    }

    /// A linear axis that holds every finite value of `values`, widened to round steps, about
    /// `tickCount` of them. `bounds` keeps it inside limits the values cannot pass (0 and 1 for
    /// an accuracy, 0 for a loss): an axis past them would label values nothing can reach.
    static func fitting(
        _ values: [Double], tickCount: Int = 5,
        bounds: ClosedRange<Double> = -Double.infinity...Double.infinity
    ) -> ChartAxis {
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return ChartAxis(low: 0, high: 1, step: 0.2) }
        if high - low < 1e-9 {
            let spread = max(abs(low) * 0.1, 0.05)
            (low, high) = (low - spread, high + spread)
        }
        let step = niceStep(span: high - low, count: tickCount)
        let roundedLow = max((low / step - 1e-9).rounded(.down) * step, bounds.lowerBound)
        let roundedHigh = min((high / step + 1e-9).rounded(.up) * step, bounds.upperBound)
        return ChartAxis(low: roundedLow, high: roundedHigh, step: step)
    }

    /// A logarithmic axis over whole decades holding `low` to `high` (both positive).
    static func decades(from low: Double, to high: Double) -> ChartAxis {
        // Rates computed in Float: 1e-5 comes back as 0.99999997e-5, which must not add a decade.
        let first = (log10(max(low, .leastNonzeroMagnitude)) + 1e-6).rounded(.down)
        let last = max((log10(max(high, .leastNonzeroMagnitude)) - 1e-6).rounded(.up), first + 1)
        return ChartAxis(low: pow(10, first), high: pow(10, last), step: 1, kind: .logarithmic)
    }

    /// 1, 2 or 5 times a power of ten, the nearest to `span / count`.
    static func niceStep(span: Double, count: Int) -> Double {
        let raw = span / Double(max(count, 1))
        let power = pow(10, (log10(raw)).rounded(.down))
        let multiple = [1.0, 2, 5, 10].min { abs(log10($0 * power / raw)) < abs(log10($1 * power / raw)) } ?? 1
        return multiple * power
    }

    /// The same axis ticked by a multiple of its step (2, 5, 10, …) so that it has at most
    /// `count` ticks: for labels that must not crowd, as on a terminal's few rows.
    func coarsened(toAtMost count: Int) -> ChartAxis {
        guard kind == .linear else { return self }
        var axis = self
        for multiple in [2.0, 5, 10, 20, 50, 100] where axis.ticks.count > max(count, 2) {
            axis.step = step * multiple
        }
        return axis
    }

    /// Where `value` falls: 0 at `low`, 1 at `high` (outside for values outside).
    func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear: return (value - low) / (high - low)
        case .logarithmic: return (log10(value) - log10(low)) / (log10(high) - log10(low))
        }
    }

    /// The round values to mark, from `low` to `high`.
    var ticks: [Double] {
        switch kind {
        case .linear:
            // The multiples of the step inside the axis (its ends, when they are multiples).
            let first = (low / step - 1e-6).rounded(.up), last = (high / step + 1e-6).rounded(.down)
            guard last >= first else { return [] }
            return (Int(first)...Int(last)).map { Double($0) * step }
        case .logarithmic:
            let first = Int(log10(low).rounded()), last = Int(log10(high).rounded())
            return (first...max(first, last)).map { pow(10, Double($0)) }
        }
    }

    /// A tick's label, with as many decimals as the step needs: `0.25`, `0.3`, `5`, `1e-05`.
    func label(_ value: Double) -> String {
        switch kind {
        case .linear:
            let decimals = step >= 1 ? 0 : Int((-log10(step) - 1e-9).rounded(.up))
            return Format.fixed(value, max(decimals, 0))
        case .logarithmic:
            return Format.rate(value)
        }
    }
}
