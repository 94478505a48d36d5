import Foundation

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
struct LayerEntry: Equatable {
    var configuration: LayerConfiguration

    init(_ configuration: LayerConfiguration) {
        self.configuration = configuration
    }

    /// What is wrong with a layer list, in words.
    struct ListProblem: Error, CustomStringConvertible {
        let description: String
    }

    /// The layers of `text`, a JSON array of layer objects; past `Sequential.layerLimit` of
    /// them the rest is not looked at (`count` tells how many there are, for the caller to
    /// refuse). Settings are whole numbers, lists of whole numbers, other numbers (kept as
    /// floats) or strings.
    static func list(_ text: String) throws(ListProblem) -> (entries: [LayerEntry], count: Int) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: Data(text.utf8))
        } catch {
            throw ListProblem(description: "it is not valid JSON (\(error))")
        }
        guard let elements = json.array else { throw ListProblem(description: "it is not a JSON array") }
        var entries: [LayerEntry] = []
        for (index, element) in elements.prefix(Sequential.layerLimit).enumerated() {
            guard case .object(let members) = element, let type = element["type"]?.string else {
                throw ListProblem(description: "layer \(index) is not an object with a \"type\"")
            }
            var values: [(key: String, value: LayerConfiguration.Value)] = []
            for (key, value) in members where key != "type" {
                switch value {
                case .number(let number):
                    // A number too large for a whole count stays a float; a layer needing a count refuses it.
                    values.append((key, Int(exactly: number).map { .int($0) } ?? .float(Float(number))))
                case .string(let string):
                    values.append((key, .string(string)))
                case .array(let list):
                    let numbers = list.compactMap(\.int)
                    guard numbers.count == list.count else {
                        throw ListProblem(description: "layer \(index)'s \(key) is not a list of whole numbers")
                    }
                    values.append((key, .ints(numbers)))
                default:
                    throw ListProblem(description: "layer \(index)'s \(key) is \(value.text), not a number or a string")
                }
            }
            entries.append(LayerEntry(LayerConfiguration(type: type, values)))
        }
        return (entries, elements.count)
    }
}
