import CHDF5
import Foundation
import Testing

@testable import NNKit

/// How a weights dataset is stored, checked against what it declares before a byte is read:
/// contiguous and compact datasets whole, chunked ones in chunks no larger than the dataset,
/// through shuffle and deflate only, each chunk inflated to exactly its size. Files made in code
/// through HDF5's C API (`CraftedModelFiles`).
@Suite("HDF5 storage layouts, chunks and filters")
struct HDF5StorageTests {
    typealias Dataset = CraftedModelFiles.Dataset

    static let deflate = (id: Int32(H5Z_FILTER_DEFLATE), values: [UInt32(6)])
    static let shuffle = (id: Int32(H5Z_FILTER_SHUFFLE), values: [UInt32]())

    /// A Dense(units) on `inputs` inputs whose kernel is stored as `kernel`.
    static func model(inputs: Int, units: Int, kernel: Dataset) throws -> URL {
        let config = CraftedModelFiles.config(
            inputShape: [inputs],
            [
                CraftedModelFiles.layer("Dense", name: "dense", #""units": \#(units)"#)
            ])
        let weights = try CraftedModelFiles.kerasWeights([("dense", [kernel, Dataset(shape: [units])])])
        return try CraftedModelFiles.keras(config: config, weights: weights)
    }

    @Test(
        "Compressed, shuffled, big-endian, compact and edge-chunked kernels read back exactly",
        arguments: [
            ("contiguous", Dataset(shape: [5, 3])),
            ("compact", Dataset(shape: [5, 3], compact: true)),
            ("chunks of 2×2, the edge ones partly outside", Dataset(shape: [5, 3], chunk: [2, 2])),
            ("deflate", Dataset(shape: [5, 3], chunk: [2, 2], filters: [deflate])),
            ("shuffle then deflate", Dataset(shape: [5, 3], chunk: [5, 1], filters: [shuffle, deflate])),
            (
                "big-endian, shuffled and deflated",
                Dataset(shape: [5, 3], chunk: [3, 3], filters: [shuffle, deflate], bigEndian: true)
            ),
        ])
    func readsBack(layout: String, kernel: Dataset) throws {
        let url = try Self.model(inputs: 5, units: 3, kernel: kernel)
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try Sequential.load(from: url)
        #expect(model.weights[0].value.scalars == Dataset.counting([5, 3]), "\(layout)")
    }

    @Test(
        "Storage that does not fit the declared shape, or could not be read safely, is refused by name",
        arguments: [
            // A 1 GiB chunk (16384 × 16384 floats) for a 32 × 32 kernel, its stream a few kilobytes:
            // HDF5 would inflate the whole chunk.
            (
                "a chunk larger than the dataset",
                Dataset(
                    shape: [32, 32], chunk: [16384, 16384], unlimited: true, filters: [deflate],
                    rawChunks: [([0, 0], 0, CraftedModelFiles.deflated(Data(count: 1 << 20)))]),
                "layers/dense/vars/0 (the kernel of dense) cannot be read: it is stored in chunks of 16384×16384 values, "
                    + "which do not fit inside its own 32×32"
            ),
            // 1 MiB of zeros deflate to about 1 KB: a stream that fits the chunk's stored size but
            // would inflate 256 times past it.
            (
                "a stream inflating past its chunk",
                Dataset(
                    shape: [32, 32], chunk: [32, 32], filters: [deflate],
                    rawChunks: [([0, 0], 0, CraftedModelFiles.deflated(Data(count: 1 << 20)))]),
                "its chunk at (0, 0) inflates to more than the 4096 bytes of one chunk"
            ),
            (
                "a stream ending short of its chunk",
                Dataset(
                    shape: [32, 32], chunk: [32, 32], filters: [deflate],
                    rawChunks: [([0, 0], 0, CraftedModelFiles.deflated(Data(count: 100)))]),
                "its chunk at (0, 0) inflates to 100 bytes, not the 4096 of one chunk"
            ),
            (
                "a damaged stream",
                Dataset(
                    shape: [32, 32], chunk: [32, 32], filters: [deflate],
                    rawChunks: [([0, 0], 0, Data((0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) }))]),
                "its chunk at (0, 0) is not a whole deflate stream"
            ),
            (
                "a chunk storing more than compression could need",
                Dataset(
                    shape: [32, 32], chunk: [32, 32], filters: [deflate],
                    rawChunks: [([0, 0], 0, Data(count: 300_000))]),
                "more than a chunk of 4096 bytes needs even compressed"
            ),
            (
                "a missing chunk",
                Dataset(
                    shape: [32, 32], chunk: [16, 32], filters: [deflate],
                    rawChunks: [([0, 0], 0, CraftedModelFiles.deflated(Data(count: 2048)))]),
                "it stores 1 of the 2 chunks of 16×32 values its 32×32 values need"
            ),
            (
                "a filter NNKit does not undo",
                Dataset(shape: [32, 32], chunk: [32, 32], filters: [(Int32(H5Z_FILTER_NBIT), [])]),
                "it is stored through the filter 'nbit' (number 5)"
            ),
            (
                "filters out of h5py's order",
                Dataset(shape: [32, 32], chunk: [32, 32], filters: [deflate, shuffle]),
                "its filters (deflate, shuffle) are not in h5py's order"
            ),
            ("nothing stored", Dataset(shape: [32, 32], unwritten: true), "(the kernel of dense) stores no data"),
            (
                "data in another file", Dataset(shape: [32, 32], external: "/tmp/nnkit-elsewhere.bin"),
                "its data is stored in another file"
            ),
        ])
    func refused(problem: String, kernel: Dataset, fragment: String) throws {
        let url = try Self.model(inputs: 32, units: 32, kernel: kernel)
        defer { try? FileManager.default.removeItem(at: url) }
        KerasFileTests.expectRefusal(url, fragment) { _ = try Sequential.load(from: url) }
    }

    @Test("HDF5's shuffle is undone byte plane by byte plane, and a partial chunk lands where it belongs")
    func pieces() {
        // Two float32 elements, bytes a0 a1 a2 a3 b0 b1 b2 b3, shuffled to a0 b0 a1 b1 a2 b2 a3 b3.
        #expect(HDF5File.unshuffled([0, 10, 1, 11, 2, 12, 3, 13], elementSize: 4) == [0, 1, 2, 3, 10, 11, 12, 13])
        // A 2 × 2 chunk at (2, 2) of a 3 × 3 dataset holds one value inside: the corner.
        var values = [Float](repeating: 0, count: 9)
        HDF5File.copy(chunk: [7, 8, 9, 10], shape: [2, 2], at: [2, 2], into: &values, shape: [3, 3])
        #expect(values == [0, 0, 0, 0, 0, 0, 0, 0, 7])
    }
}
