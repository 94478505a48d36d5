import Foundation
internal import CBLAS

/// The BLAS library's thread pool, and the cores NNKit's own parallel work may use.
public enum BLAS {
    /// The number of threads BLAS uses for a product, and the number of cores NNKit's layers
    /// and optimizers may split work across. Setting it takes effect for later products;
    /// results are identical run to run at a fixed count, but may differ in the last bits
    /// between counts.
    public static var threadCount: Int {
        get { workerCount }
        set {
            precondition(newValue >= 1, "BLAS needs at least one thread, got \(newValue).")
            lock.withLock {
                workerCount = newValue
                if singleThreadedScopes == 0 { openblas_set_num_threads(Int32(newValue)) }
            }
        }
    }

    /// What `threadCount` was last set to (BLAS's own default, every core, until then). Work
    /// that splits itself between cores reads this, never the live count, so that it splits the
    /// same way while a single-threaded scope is open.
    nonisolated(unsafe) static var workerCount = Int(openblas_get_num_threads())

    private static let lock = NSLock()
    nonisolated(unsafe) private static var singleThreadedScopes = 0

    /// Products run on the calling thread only until the matching `endSingleThreaded()`: for
    /// work that splits a batch between cores itself (convolutions), whose threads BLAS's own
    /// idle-spinning workers would otherwise compete with. Scopes nest and may overlap from
    /// several threads; BLAS gets its threads back when the last one ends.
    static func beginSingleThreaded() {
        lock.withLock {
            singleThreadedScopes += 1
            if singleThreadedScopes == 1 && workerCount > 1 { openblas_set_num_threads(1) }
            if singleThreadedScopes == 1 { SpinningHelper.shared.setSpinning(true) }
        }
    }

    /// Whether a large product may be split between cores by its caller: while BLAS runs
    /// single-threaded for work that splits itself, and there is more than one core.
    static var productsMaySplit: Bool {
        workerCount > 1 && lock.withLock { singleThreadedScopes > 0 }
    }

    static func endSingleThreaded() {
        lock.withLock {
            singleThreadedScopes -= 1
            if singleThreadedScopes == 0 && workerCount > 1 { openblas_set_num_threads(Int32(workerCount)) }
            if singleThreadedScopes == 0 { SpinningHelper.shared.setSpinning(false) }
        }
    }
}
