/// The JSON header of a safetensors file: `__metadata__` (string to string) and one entry per
/// tensor, `{"dtype": "F32", "shape": [784, 256], "data_offsets": [begin, end]}`, the offsets
/// counted from the first byte after the header.
struct SafetensorsHeader: Codable, Equatable {
    struct Tensor: Codable, Equatable {
        var dtype: String
        var shape: [Int]
        var dataOffsets: [Int]

        enum CodingKeys: String, CodingKey {
            case dtype, shape
            case dataOffsets = "data_offsets"
        }
    }

    var metadata: [String: String]
    var tensors: [String: Tensor]

    init(metadata: [String: String], tensors: [String: Tensor]) {
        self.metadata = metadata
        self.tensors = tensors
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static let metadata = Key(stringValue: "__metadata__")
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        tensors = [:]
        for key in container.allKeys where key.stringValue != Key.metadata.stringValue {
            tensors[key.stringValue] = try container.decode(Tensor.self, forKey: key)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(metadata, forKey: .metadata)
        for (name, tensor) in tensors { try container.encode(tensor, forKey: Key(stringValue: name)) }
    }
}

/// One layer as the model file's `__metadata__.layers` lists it: its type and settings, such as
/// `{"type": "Dense", "units": 256, "activation": "relu"}`.
struct LayerEntry: Decodable, Equatable {
    var configuration: LayerConfiguration

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(_ configuration: LayerConfiguration) {
        self.configuration = configuration
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: Key(stringValue: "type"))
        var values: [(key: String, value: LayerConfiguration.Value)] = []
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where key.stringValue != "type" {
            if let number = try? container.decode(Int.self, forKey: key) {
                values.append((key.stringValue, .int(number)))
            } else if let numbers = try? container.decode([Int].self, forKey: key) {
                values.append((key.stringValue, .ints(numbers)))
            } else if let number = try? container.decode(Double.self, forKey: key) {
                // A number too large for a whole count stays a float; a layer needing a count refuses it.
                values.append((key.stringValue, .float(Float(number))))
            } else {
                values.append((key.stringValue, .string(try container.decode(String.self, forKey: key))))
            }
        }
        configuration = LayerConfiguration(type: type, values)
    }
}
