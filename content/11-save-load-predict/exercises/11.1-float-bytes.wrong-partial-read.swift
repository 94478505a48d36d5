// Wrong: bytes that do not make a whole Float are dropped instead of refusing the file with nil
// The check says: not a whole Float
func floatBytes(_ values: [Float]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count * 4)
    for value in values {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8((bits >> UInt32(shift)) & 0xFF))
        }
    }
    return bytes
}

func floats(fromBytes bytes: [UInt8]) -> [Float]? {
    return stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { start in
        let bits = UInt32(bytes[start]) | UInt32(bytes[start + 1]) << 8
            | UInt32(bytes[start + 2]) << 16 | UInt32(bytes[start + 3]) << 24
        return Float(bitPattern: bits)
    }
}
