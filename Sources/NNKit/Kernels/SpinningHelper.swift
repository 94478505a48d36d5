internal import CKernels
import Dispatch
import Foundation
import Synchronization

/// The process's one helper thread that spins between jobs: while a model whose layers split
/// their work trains, each batch hands the second core a dozen halves (convolutions, pooling,
/// dense products, the optimizer), microseconds apart. A thread that sleeps between them takes
/// tens of microseconds to wake each time; this one keeps polling for a short while after each
/// job, so the next half starts at once.
///
/// It is used only while BLAS runs single-threaded for such a model (`BLAS.beginSingleThreaded`),
/// when the second core would otherwise wait for it, and sleeps once that ends, so that it never
/// competes with BLAS's own threads. One caller at a time uses it (`tryRun`); a second
/// model training at the same time gets `false` and uses its own runner's sleeping helper. The
/// halves are computed the same way on either, so the results are too.
// `job` and `range` are written by the owner only while `state` is 0, before it stores 1, and
// read by the thread only after it loads 1; the owner touches them again only after loading 2,
// which the thread stores after its last read. The atomics order every access, so sharing this
// object with its thread is safe, though the compiler cannot see it.
final class SpinningHelper: @unchecked Sendable {
    static let shared = SpinningHelper()

    /// How long the thread polls for the next job before it sleeps.
    private static let spinNanoseconds: UInt64 = 200_000

    private let owned = Atomic<Bool>(false)
    /// 0: idle, 1: a job is posted, 2: the job is done.
    private let state = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let spins = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let start = Mutex<Bool>(false)
    private var job: (any ElementwiseJob)?
    private var range = 0..<0

    private init() {}

    /// Turns spinning on while BLAS runs single-threaded, off when it gets its threads back.
    func setSpinning(_ on: Bool) {
        spins.store(on, ordering: .sequentiallyConsistent)
    }

    /// Runs `job` over `first` on this thread and over `second` on the helper, and returns
    /// true once both are done; returns false at once, running nothing, when spinning is off or
    /// another thread is using the helper.
    func tryRun(_ job: any ElementwiseJob, first: Range<Int>, second: Range<Int>) -> Bool {
        guard spins.load(ordering: .relaxed),
            owned.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
        else { return false }
        defer { owned.store(false, ordering: .releasing) }
        startThreadOnce()
        self.job = job
        range = second
        state.store(1, ordering: .sequentiallyConsistent)
        if sleeping.load(ordering: .sequentiallyConsistent) { wake.signal() }
        job.run(first)
        var polls = 0
        while state.load(ordering: .acquiring) != 2 {
            polls += 1
            // The halves are about equal, so the wait is short; yield if the helper's core is busy.
            if polls < 4096 { nnkit_cpu_relax() } else { sched_yield() }
        }
        state.store(0, ordering: .relaxed)
        self.job = nil
        return true
    }

    private func startThreadOnce() {
        start.withLock { started in
            guard !started else { return }
            started = true
            let thread = Thread { [self] in loop() }
            thread.name = "NNKit spinning helper"
            thread.start()
        }
    }

    private func loop() {
        while true {
            waitForJob()
            job?.run(range)
            state.store(2, ordering: .releasing)
        }
    }

    /// Polls for a posted job while spinning is on and the last job is recent; else sleeps.
    private func waitForJob() {
        var deadline = DispatchTime.now().uptimeNanoseconds + Self.spinNanoseconds
        var polls = 0
        while state.load(ordering: .acquiring) != 1 {
            polls += 1
            if polls % 64 != 0 {
                nnkit_cpu_relax()
                continue
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if spins.load(ordering: .relaxed) && now < deadline { continue }
            // Sleep; the owner signals if it sees `sleeping` after posting its job. A job
            // posted just before `sleeping` was set is seen by the check below instead.
            sleeping.store(true, ordering: .sequentiallyConsistent)
            if state.load(ordering: .sequentiallyConsistent) != 1 { wake.wait() }
            sleeping.store(false, ordering: .sequentiallyConsistent)
            deadline = DispatchTime.now().uptimeNanoseconds + Self.spinNanoseconds
        }
    }
}
