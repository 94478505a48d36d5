import ExerciseKit

@main
enum ParameterCountCheck: ExerciseCheck {
    static func run() throws {
        // 3·4 + 4 + 4·2 + 2 = 26: the kernels alone are 20, a bias per input would make 27, and
        // the first layer alone is 16, so each usual slip has a count of its own.
        expectCount([3, 4, 2], 26, given: "parameterCount(layerSizes: [3, 4, 2]), 3·4 + 4 + 4·2 + 2")
        expectCount([2, 32, 1], 129, given: "parameterCount(layerSizes: [2, 32, 1])")
        expectCount([2, 1], 3, given: "parameterCount(layerSizes: [2, 1]), chapter 1's neuron")
        expectCount([784], 0, given: "parameterCount(layerSizes: [784]), no layer at all")
        // Beside NNKit's summary, for chapter 4's deep model and two others.
        for sizes in [[784, 256, 128, 64, 10], [784, 10], [3, 5, 5, 2]] {
            let model = Sequential(inputSize: sizes[0], sizes.dropFirst().map { Dense(units: $0) })
            expectCount(sizes, model.summary().totalCount, given: "parameterCount(layerSizes: \(sizes)), beside NNKit's summary")
        }
    }

    /// Fails unless `parameterCount(layerSizes: sizes)` is `expected`, saying what a wrong count
    /// adds up to when it is one of the usual slips (and only one: [2, 32, 1]'s kernels alone and
    /// its layers but the last are both 96).
    static func expectCount(_ sizes: [Int], _ expected: Int, given: String) {
        let got = parameterCount(layerSizes: sizes)
        guard got != expected else { return }
        let pairs = Array(zip(sizes, sizes.dropFirst()))
        let kernels = pairs.map { $0.0 * $0.1 }.reduce(0, +)
        let slips = [
            (kernels, ", the kernels alone: each layer also has one bias per unit"),
            (kernels + pairs.map(\.0).reduce(0, +), ", with one bias per input: a layer has one bias per unit, m, not n"),
            (pairs.count > 1 ? pairs.dropLast().map { $0.0 * $0.1 + $0.1 }.reduce(0, +) : -1, ", every layer but the last"),
        ].filter { $0.0 == got }
        ExerciseKit.fail(given: given, expected: "\(expected)", got: "\(got)" + (slips.count == 1 ? slips[0].1 : ""))
    }
}
