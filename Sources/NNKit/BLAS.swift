internal import CBLAS

/// The BLAS library's thread pool.
public enum BLAS {
    /// The number of threads BLAS uses for a product. Setting it takes effect for later products;
    /// results are identical run to run at a fixed count, but may differ in the last bits
    /// between counts.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set {
            precondition(newValue >= 1, "BLAS needs at least one thread, got \(newValue).")
            openblas_set_num_threads(Int32(newValue))
        }
    }
}
