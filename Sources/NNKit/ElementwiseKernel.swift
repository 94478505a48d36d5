import Dispatch
import Foundation

/// Element-wise work that can be done in pieces: `run` is called with disjoint ranges that
/// together cover the whole array, possibly on two threads at once.
protocol ElementwiseJob: AnyObject {
    func run(_ range: Range<Int>)
}

/// Runs element-wise work over a large array on two cores: the calling thread takes the first
/// half and one long-lived helper thread the second. Small arrays stay on the calling thread
/// (splitting them costs more than it saves). Jobs are reusable objects, so nothing is
/// allocated per call; every element is computed by the same arithmetic whichever half it
/// falls in, so results do not depend on the number of cores.
enum ElementwiseKernel {
    /// Below this many elements, work stays on the calling thread.
    static let parallelThreshold = 32_768

    static func run(_ job: any ElementwiseJob, count: Int) {
        guard count >= parallelThreshold && BLAS.threadCount > 1 else {
            job.run(0 ..< count)
            return
        }
        // Halves split on a multiple of 8 keep the vector lanes whole.
        let half = (count / 2 + 7) / 8 * 8
        HelperThread.shared.run(job, first: 0 ..< half, second: half ..< count)
    }
}

/// One thread kept for the second half of element-wise work, woken by a semaphore.
private final class HelperThread: @unchecked Sendable {
    static let shared = HelperThread()

    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    // Written by the caller before `wake.signal()` and read by the helper after `wake.wait()`;
    // the semaphores order those accesses.
    private var job: (any ElementwiseJob)?
    private var range = 0 ..< 0

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                self.wake.wait()
                self.job?.run(self.range)
                self.finished.signal()
            }
        }
        thread.name = "NNKit element-wise helper"
        thread.start()
    }

    func run(_ job: any ElementwiseJob, first: Range<Int>, second: Range<Int>) {
        self.job = job
        range = second
        wake.signal()
        job.run(first)
        finished.wait()
        self.job = nil
    }
}
