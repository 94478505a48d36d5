import ExerciseKit
import Foundation

@main
enum FloatBytesCheck: ExerciseCheck {
    static func run() throws {
        /// Bytes written as the stub writes them, in hexadecimal: [0x00, 0x00, 0x80, 0x3F].
        func hex(_ bytes: [UInt8]) -> String { "[" + bytes.map { String(format: "0x%02X", $0) }.joined(separator: ", ") + "]" }
        func expectBytes(_ actual: [UInt8], _ expected: [UInt8], given: String) {
            ExerciseKit.expect(actual == expected, given: given, expected: hex(expected), got: hex(actual))
        }
        /// Floats, or nil said plainly.
        func plain(_ values: [Float]?) -> String { values.map { "\($0)" } ?? "nothing (nil)" }
        func expectFloats(_ actual: [Float]?, _ expected: [Float]?, given: String) {
            ExerciseKit.expect(actual == expected, given: given, expected: plain(expected), got: plain(actual))
        }
        expectBytes(floatBytes([1]), [0x00, 0x00, 0x80, 0x3F], given: "floatBytes([1]): 1.0 is 0x3F800000, its least significant byte first")
        expectBytes(floatBytes([-2, 0.5]), [0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x3F], given: "floatBytes([-2, 0.5])")
        expectBytes(floatBytes([]), [], given: "floatBytes([])")
        expectFloats(floats(fromBytes: [0x00, 0x00, 0x80, 0x3F]), [1], given: "floats(fromBytes: [0x00, 0x00, 0x80, 0x3F]): 1.0 read back")
        expectFloats(floats(fromBytes: [0x00, 0x00, 0x80]), nil, given: "floats(fromBytes:) of 3 bytes: not a whole Float")
        expectFloats(floats(fromBytes: []), [], given: "floats(fromBytes: []): no bytes are no Floats, an empty array and not nil")

        // A round trip of awkward values, compared bit for bit (NaN is not equal to itself).
        let awkward: [Float] = [0, -0.0, .pi, -1e-38, .greatestFiniteMagnitude, .infinity, .leastNonzeroMagnitude, .nan]
        let back = floats(fromBytes: floatBytes(awkward)) ?? []
        ExerciseKit.expectEqual(back.map(\.bitPattern), awkward.map(\.bitPattern),
                                given: "a round trip of 0, −0, π, −1e-38, the largest Float, infinity, the smallest, NaN (bit patterns)")

        // The bytes NNKit writes in a weights file: a tiny model's kernel, read back by your code.
        let model = Sequential(inputSize: 3, [Dense(units: 2, activation: .linear)], seed: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("float-bytes-\(getpid()).weights.safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        try model.saveWeights(to: file)
        let data = [UInt8](try Data(contentsOf: file))
        let headerLength = data.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        let kernel = model.layers[0].parameters[0].value.scalars
        let tensorBytes = floatBytes(kernel)
        let body = Array(data[(8 + headerLength)...])
        let found = (0 ... max(0, body.count - tensorBytes.count)).contains { start in
            !tensorBytes.isEmpty && Array(body[start ..< start + tensorBytes.count]) == tensorBytes
        }
        ExerciseKit.expect(found, given: "a 3 × 2 kernel saved by NNKit's saveWeights",
                           expected: "your bytes of its 6 weights inside the file", got: "not found")
    }
}
