import NNKit

/// How many threads matrix products use (OpenBLAS's pool), for the command line's `--threads`.
public enum MatrixThreads {
    public static var count: Int {
        get { BLAS.threadCount }
        set { BLAS.threadCount = newValue }
    }
}
