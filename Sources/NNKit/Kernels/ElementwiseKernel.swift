import Dispatch
import Foundation

/// Element-wise work that can be done in pieces: `run` is called with disjoint ranges that
/// together cover the whole array, possibly on two threads at once.
protocol ElementwiseJob: AnyObject {
    func run(_ range: Range<Int>)
}

/// Runs element-wise work over a large array on two cores: the calling thread takes the first
/// half and a helper thread of this runner's own the second. Small arrays stay on the calling
/// thread (splitting them costs more than it saves). Jobs are reusable objects, so nothing is
/// allocated per call; every element is computed by the same arithmetic whichever half it
/// falls in, so results do not depend on the number of cores.
///
/// Each runner belongs to one owner (an optimizer, a convolution or pooling layer) and is used
/// from one thread at a time, the thread that trains its model; two models training at once
/// each have their own runners, unless they share a layer (`add(reusing:)`), which must then not
/// run on two threads at once. While a model with such layers trains, BLAS runs
/// single-threaded for the whole process (see `BLAS.beginSingleThreaded`). The helper thread
/// starts on first use and ends with the runner.
final class ElementwiseRunner {
    /// Below this many elements, work stays on the calling thread.
    static let parallelThreshold = 32_768

    private var helper: Helper?

    init() {}

    deinit {
        helper?.stop()
    }

    func run(_ job: any ElementwiseJob, count: Int) {
        guard count >= Self.parallelThreshold && BLAS.workerCount > 1 else {
            job.run(0..<count)
            return
        }
        // Halves split on a multiple of 8 keep the vector lanes whole.
        let half = (count / 2 + 7) / 8 * 8
        runOnTwoCores(job, first: 0..<half, second: half..<count)
    }

    /// Runs `body` over `0 ..< count` in two halves at once when there are at least
    /// `minimumCount` items and more than one core to use, else in one piece on this thread:
    /// for work over whole images, which `body` must handle independently of one another.
    func run(count: Int, minimumCount: Int, _ body: (Range<Int>) -> Void) {
        guard count >= max(2, minimumCount) && BLAS.workerCount > 1 else {
            body(0..<count)
            return
        }
        runInHalves(count: count, body)
    }

    /// Runs `body` over `0 ..< count` (at least 2) in two halves at once, whatever the
    /// thread settings: for callers that decided to split themselves.
    func runInHalves(count: Int, _ body: (Range<Int>) -> Void) {
        precondition(count >= 2, "Splitting work in two needs at least 2 items, got \(count).")
        withoutActuallyEscaping(body) { body in
            runOnTwoCores(ClosureJob(body), first: 0..<count / 2, second: count / 2..<count)
        }
    }

    /// `first` here, `second` on the process's spinning helper when it is free, else on this
    /// runner's own helper thread.
    private func runOnTwoCores(_ job: any ElementwiseJob, first: Range<Int>, second: Range<Int>) {
        if SpinningHelper.shared.tryRun(job, first: first, second: second) { return }
        if helper == nil { helper = Helper() }
        helper?.run(job, first: first, second: second)
    }

    private final class ClosureJob: ElementwiseJob {
        let body: (Range<Int>) -> Void
        init(_ body: @escaping (Range<Int>) -> Void) { self.body = body }
        func run(_ range: Range<Int>) { body(range) }
    }

    /// One thread for the second half of each piece of work, woken by a semaphore.
    // `job`, `range` and `stopping` are written only by the owner, before `wake.signal()`, and
    // read by the helper only after `wake.wait()`; the owner touches none of them again until
    // `finished.wait()` returns, after the helper's last read. The semaphores order every
    // access, so sharing this object with its thread is safe, though the compiler cannot see it.
    private final class Helper: @unchecked Sendable {
        private let wake = DispatchSemaphore(value: 0)
        private let finished = DispatchSemaphore(value: 0)
        private var job: (any ElementwiseJob)?
        private var range = 0..<0
        private var stopping = false

        init() {
            let thread = Thread { [self] in
                while true {
                    wake.wait()
                    if stopping { return }
                    job?.run(range)
                    finished.signal()
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

        /// Ends the thread; it lets go of this object as it returns.
        func stop() {
            stopping = true
            wake.signal()
        }
    }
}
