internal import CBLAS
import Foundation

/// The BLAS library's thread pool, and the cores NNKit's own parallel work may use.
public enum BLAS {
    /// The number of threads BLAS uses for a product, and the number of cores NNKit's layers
    /// and optimizers may split work across. Setting it takes effect for later products;
    /// results are identical run to run at a fixed count, but may differ in the last bits
    /// between counts.
    /// A count below 1 is taken as 1.
    public static var threadCount: Int {
        get { workerCount }
        set {
            let count = max(1, newValue)
            lock.withLock {
                storedWorkerCount = count
                if singleThreadedScopes == 0 { openblas_set_num_threads(Int32(count)) }
            }
        }
    }

    /// What `threadCount` was last set to (BLAS's own default, every core, until then). Work
    /// that splits itself between cores reads this, never the live count, so that it splits the
    /// same way while a single-threaded scope is open.
    static var workerCount: Int { lock.withLock { storedWorkerCount } }

    // Both guarded by `lock`: threads training different models read them while another sets them.
    nonisolated(unsafe) private static var storedWorkerCount = Int(openblas_get_num_threads())
    private static let lock = NSLock()
    nonisolated(unsafe) private static var singleThreadedScopes = 0

    /// Products run on the calling thread only until the matching `endSingleThreaded()`: for
    /// work that splits a batch between cores itself (convolutions), whose threads BLAS's own
    /// idle-spinning workers would otherwise compete with. Scopes nest and may overlap from
    /// several threads; BLAS gets its threads back when the last one ends.
    static func beginSingleThreaded() {
        lock.withLock {
            singleThreadedScopes += 1
            if singleThreadedScopes == 1 && storedWorkerCount > 1 { openblas_set_num_threads(1) }
            if singleThreadedScopes == 1 { SpinningHelper.shared.setSpinning(true) }
        }
    }

    /// Whether a large product may be split between cores by its caller: while BLAS runs
    /// single-threaded for work that splits itself, and there is more than one core.
    static var productsMaySplit: Bool {
        lock.withLock { storedWorkerCount > 1 && singleThreadedScopes > 0 }
    }

    static func endSingleThreaded() {
        lock.withLock {
            singleThreadedScopes -= 1
            if singleThreadedScopes == 0 && storedWorkerCount > 1 {
                openblas_set_num_threads(Int32(storedWorkerCount))
            }
            if singleThreadedScopes == 0 { SpinningHelper.shared.setSpinning(false) }
        }
    }
}
