extension LayerConfiguration {
    /// A new, unbuilt layer with these settings; unknown types and bad values throw, naming them.
    public func makeLayer() throws -> any Layer {
        switch type {
        case "Dense":
            let units = try int("units")
            guard units > 0 else { throw NNKitError.invalidArgument("Dense needs at least one unit, got \(units).") }
            var regularizer: Regularizer?
            if case .string(let name)? = self["kernel_regularizer"] {
                guard let parsed = Regularizer(name: name) else {
                    throw NNKitError.invalidArgument("Unknown kernel_regularizer '\(name)'; NNKit has l2(factor) and l1(factor), with a factor of 0 or more.")
                }
                regularizer = parsed
            }
            return Dense(units: units, activation: try activation("activation", default: .linear),
                         kernelRegularizer: regularizer)
        case "Activation":
            return Activation(try activation("activation", default: nil))
        case "Dropout":
            let rate = try float("rate")
            guard rate >= 0 && rate < 1 else {
                throw NNKitError.invalidArgument("Dropout's rate must be in [0, 1), got \(rate).")
            }
            return Dropout(rate: rate)
        case "BatchNormalization":
            let momentum = self["momentum"] == nil ? 0.99 : try float("momentum")
            let epsilon = self["epsilon"] == nil ? 1e-3 : try float("epsilon")
            guard momentum >= 0 && momentum <= 1 && epsilon > 0 else {
                throw NNKitError.invalidArgument("BatchNormalization needs momentum in [0, 1] and a positive epsilon, got \(momentum) and \(epsilon).")
            }
            return BatchNormalization(momentum: momentum, epsilon: epsilon)
        default:
            throw NNKitError.invalidArgument("Unknown layer type '\(type)'; NNKit has Dense, Activation, Dropout and BatchNormalization.")
        }
    }

    /// How many weights the layer has on `inputSize` inputs, and how many outputs it gives,
    /// computed from the settings alone (nothing is allocated) and without overflow: a model
    /// file's sizes are checked with this before any layer is built.
    public func parameterCount(inputSize: Int) throws -> (parameters: Int, outputSize: Int) {
        func product(_ a: Int, _ b: Int) throws -> Int {
            let (result, overflow) = a.multipliedReportingOverflow(by: b)
            guard !overflow else { throw NNKitError.invalidArgument("\(type) on \(inputSize) inputs would have more weights than can be counted.") }
            return result
        }
        switch type {
        case "Dense":
            let units = try int("units")
            guard units > 0 else { throw NNKitError.invalidArgument("Dense needs at least one unit, got \(units).") }
            let kernel = try product(inputSize, units)
            let (total, overflow) = kernel.addingReportingOverflow(units)
            guard !overflow else { throw NNKitError.invalidArgument("Dense(\(units)) on \(inputSize) inputs has too many weights to count.") }
            return (total, units)
        case "BatchNormalization":
            return (try product(inputSize, 4), inputSize)
        case "Activation", "Dropout":
            return (0, inputSize)
        default:
            _ = try makeLayer()
            return (0, inputSize)
        }
    }

    private func int(_ key: String) throws -> Int {
        switch self[key] {
        case .int(let value): return value
        case .float(let value):
            guard let whole = Int(exactly: value) else {
                throw NNKitError.invalidArgument("\(type) needs a whole number '\(key)', got \(value).")
            }
            return whole
        default: throw NNKitError.invalidArgument("\(type) needs a whole number '\(key)'.")
        }
    }

    private func float(_ key: String) throws -> Float {
        switch self[key] {
        case .float(let value): return value
        case .int(let value): return Float(value)
        default: throw NNKitError.invalidArgument("\(type) needs a number '\(key)'.")
        }
    }

    private func activation(_ key: String, default fallback: ActivationFunction?) throws -> ActivationFunction {
        guard case .string(let name)? = self[key] else {
            if let fallback { return fallback }
            throw NNKitError.invalidArgument("\(type) needs an '\(key)'.")
        }
        guard let function = ActivationFunction(rawValue: name) else {
            let known = ActivationFunction.allCases.map(\.rawValue).joined(separator: ", ")
            throw NNKitError.invalidArgument("Unknown activation '\(name)'; NNKit has \(known).")
        }
        return function
    }
}
