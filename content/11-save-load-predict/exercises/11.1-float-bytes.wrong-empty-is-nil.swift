// Wrong: no bytes at all are refused with nil, as if they were a file cut short
// The check says: an empty array and not nil
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
    guard !bytes.isEmpty, bytes.count % 4 == 0 else { return nil }
    return stride(from: 0, to: bytes.count, by: 4).map { start in
        let bits = UInt32(bytes[start]) | UInt32(bytes[start + 1]) << 8
            | UInt32(bytes[start + 2]) << 16 | UInt32(bytes[start + 3]) << 24
        return Float(bitPattern: bits)
    }
}
