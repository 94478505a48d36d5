import Dispatch

/// Runs element-wise work over both halves of a large array at once, one chunk per core, and
/// small arrays in one go on the calling thread (splitting those costs more than it saves).
/// Every element is computed by the same arithmetic whichever chunk it falls in, so the
/// results do not depend on the number of cores.
enum ElementwiseKernel {
    /// Below this many elements, work stays on the calling thread.
    static let parallelThreshold = 32_768
    static let chunkCount = max(1, min(8, BLAS.threadCount))

    static func forEachChunk(count: Int, _ body: (Range<Int>) -> Void) {
        let chunks = count >= parallelThreshold ? chunkCount : 1
        if chunks == 1 {
            body(0 ..< count)
            return
        }
        // Chunk boundaries on multiples of 8 keep the SIMD lanes whole.
        let chunkSize = ((count + chunks - 1) / chunks + 7) / 8 * 8
        withoutActuallyEscaping(body) { body in
            // The chunks write disjoint ranges, and concurrentPerform returns only when all
            // are done: sharing the closure across threads is safe here.
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = min(count, start + chunkSize)
                if start < end { work(start ..< end) }
            }
        }
    }
}
