/// Exercise 11.1 · Floats as bytes
///
/// Every weights file, NNKit's safetensors and Keras's HDF5 alike, stores a Float as its four
/// bytes, the least significant first (little-endian). `value.bitPattern` gives a Float's 32
/// bits as a UInt32, and `Float(bitPattern:)` turns 32 bits back into a Float.
///
///     floatBytes([1])            // [0x00, 0x00, 0x80, 0x3F]  (1.0 is 0x3F800000)
///     floats(fromBytes: [0x00, 0x00, 0x80, 0x3F])   // [1.0]
///
/// `floats(fromBytes:)` returns nil when the bytes cannot be whole Floats: a file cut short
/// must be refused, not half read.
///
/// Write both, then run `lesson check 11.1`.
func floatBytes(_ values: [Float]) -> [UInt8] {
    // TODO: four bytes per value, least significant first.
    return []
}

func floats(fromBytes bytes: [UInt8]) -> [Float]? {
    // TODO: nil unless the count is a multiple of 4; then one Float per four bytes.
    return nil
}
