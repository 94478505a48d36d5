/// Exercise 12.1 · How big is the output?
///
/// A convolution or pooling window of `kernel` positions slides along an axis of `input`
/// positions, `stride` at a time. How many outputs does that give?
///
/// - `valid` padding (Keras's default): the window stays inside, so it fits only where it has
///   room. A 3-wide kernel on 28 pixels gives 26 outputs; with stride 2 it gives 13.
/// - `same` padding: zeros are added around the edge, just enough that the number of outputs
///   depends only on the stride: 28 inputs give 28 outputs at stride 1 and 14 at stride 2.
///
/// Chapter 12's network uses same padding for its convolutions (28 × 28 stays 28 × 28) and 2 × 2
/// pooling with stride 2 (28 → 14 → 7 after the second).
///
/// Write `outputSize`; return nil when a valid window does not fit at all. Then run
/// `lesson check 12.1`.
func outputSize(input: Int, kernel: Int, stride: Int, samePadding: Bool) -> Int? {
    // TODO: count the positions the window can take.
    return nil
}
