/// How much `fit` prints, as Keras's `verbose`.
public enum Verbosity: Sendable, Equatable {
    /// Nothing (Keras's `verbose=0`).
    case silent
    /// A live bar on a terminal, one line per epoch elsewhere (Keras's `verbose=1`).
    case progressBar
    /// Only every n-th epoch's line (and the first and last), for long runs of tiny epochs.
    case everyNthEpoch(Int)
}
