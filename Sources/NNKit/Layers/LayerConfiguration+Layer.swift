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
            guard self["rate"] != nil else {
                throw NNKitError.invalidArgument("Dropout needs a 'rate', the fraction of its inputs it drops "
                                                 + "(such as 0.25).")
            }
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
        case "Conv2D":
            let filters = try int("filters")
            guard filters > 0 else { throw NNKitError.invalidArgument("Conv2D needs at least one filter, got \(filters).") }
            return Conv2D(filters: filters, kernelSize: try size("kernel_size", default: nil),
                          strides: try size("strides", default: 1), padding: try padding(),
                          activation: try activation("activation", default: .linear))
        case "MaxPooling2D":
            let poolSize = try size("pool_size", default: 2)
            return MaxPooling2D(poolSize: poolSize, strides: try size("strides", default: poolSize),
                                padding: try padding())
        case "Flatten":
            return Flatten()
        default:
            throw NNKitError.invalidArgument("Unknown layer type '\(type)'; NNKit has \(Self.knownTypes.joined(separator: ", ")).")
        }
    }

    /// The layer types `makeLayer` builds.
    public static let knownTypes = ["Dense", "Activation", "Dropout", "BatchNormalization", "Conv2D", "MaxPooling2D", "Flatten"]

    /// How many weights the layer has on samples of `inputShape`, and the shape it gives,
    /// computed from the settings alone (nothing is allocated) and without overflow: a model
    /// file's sizes are checked with this before any layer is built.
    public func parameterCount(inputShape: [Int]) throws -> (parameters: Int, outputShape: [Int]) {
        let described = shapeText(inputShape)
        func product(_ a: Int, _ b: Int) throws -> Int {
            let (result, overflow) = a.multipliedReportingOverflow(by: b)
            guard !overflow else { throw NNKitError.invalidArgument("\(type) on \(described) inputs would have more weights than can be counted.") }
            return result
        }
        func flat() throws -> Int {
            guard inputShape.count == 1 else {
                throw NNKitError.invalidArgument("\(type) takes flat samples, got \(described); a Flatten layer must come before it.")
            }
            return inputShape[0]
        }
        func window(_ window: Size2D, _ strides: Size2D) throws -> ImageWindow {
            guard inputShape.count == 3, inputShape.allSatisfy({ $0 > 0 }) else {
                throw NNKitError.invalidArgument("\(type) needs images, [height, width, channels], got \(described).")
            }
            _ = try inputShape.reduce(1) { try product($0, $1) }
            guard let fitted = ImageWindow(inputShape: inputShape, window: window, strides: strides, padding: try padding()) else {
                throw NNKitError.invalidArgument("\(type)'s \(window) window does not fit a \(described) input.")
            }
            return fitted
        }
        switch type {
        case "Dense":
            let inputs = try flat()
            let units = try int("units")
            guard units > 0 else { throw NNKitError.invalidArgument("Dense needs at least one unit, got \(units).") }
            let kernel = try product(inputs, units)
            let (total, overflow) = kernel.addingReportingOverflow(units)
            guard !overflow else { throw NNKitError.invalidArgument("Dense(\(units)) on \(inputs) inputs has too many weights to count.") }
            return (total, [units])
        case "BatchNormalization":
            let inputs = try flat()
            return (try product(inputs, 4), [inputs])
        case "Conv2D":
            let layer = try makeLayer()
            guard let conv = layer as? Conv2D else { return (0, inputShape) }
            let fitted = try window(conv.kernelSize, conv.strides)
            let kernel = try product(try product(conv.kernelSize.height, conv.kernelSize.width), try product(fitted.channels, conv.filters))
            let (total, overflow) = kernel.addingReportingOverflow(conv.filters)
            guard !overflow else { throw NNKitError.invalidArgument("Conv2D(\(conv.filters)) on \(described) inputs has too many weights to count.") }
            return (total, [fitted.rows.output, fitted.columns.output, conv.filters])
        case "MaxPooling2D":
            let poolSize = try size("pool_size", default: 2)
            let fitted = try window(poolSize, try size("strides", default: poolSize))
            return (0, [fitted.rows.output, fitted.columns.output, fitted.channels])
        case "Flatten":
            return (0, [try inputShape.reduce(1) { try product($0, $1) }])
        case "Activation", "Dropout":
            _ = try makeLayer()
            return (0, inputShape)
        default:
            _ = try makeLayer()
            return (0, inputShape)
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

    /// A `[height, width]` list, or one whole number for a square, all positive.
    private func size(_ key: String, default fallback: Size2D?) throws -> Size2D {
        let pair: [Int]
        switch self[key] {
        case .ints(let values): pair = values
        case .int, .float: pair = [try int(key), try int(key)]
        case nil:
            if let fallback { return fallback }
            throw NNKitError.invalidArgument("\(type) needs '\(key)', such as [3, 3].")
        default: throw NNKitError.invalidArgument("\(type) needs '\(key)' as [height, width].")
        }
        guard pair.count == 2, pair.allSatisfy({ $0 > 0 && $0 <= 1 << 20 }) else {
            throw NNKitError.invalidArgument("\(type)'s '\(key)' must be two positive whole numbers, got \(pair).")
        }
        return Size2D(pair[0], pair[1])
    }

    private func padding() throws -> Padding {
        guard let value = self["padding"] else { return .valid }
        guard case .string(let name) = value, let padding = Padding(rawValue: name) else {
            throw NNKitError.invalidArgument("\(type)'s padding must be 'valid' or 'same'.")
        }
        return padding
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
