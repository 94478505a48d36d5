/// Exercise 6.1 · When to stop
///
/// Keras's EarlyStopping watches the validation loss after every epoch:
///
/// - an epoch *improves* when its loss is lower than the best so far by more than `minDelta`
///   (the first epoch always improves); it becomes the best, and the count of epochs without
///   improvement goes back to 0;
/// - otherwise the count grows by one, and when it reaches `patience`, training stops after
///   that epoch.
///
/// With patience 3 and losses [0.9, 0.7, 0.6, 0.61, 0.62, 0.63, 0.5], the best is epoch 3 (0.6);
/// epochs 4, 5 and 6 do not improve, so training stops after epoch 6, and the 0.5 that would
/// have come next is never seen. Epochs count from 1 here, as Keras prints them.
///
/// Return the epoch after which training stops (nil if it runs to the end) and the best epoch.
/// Then run `lesson check 6.1`.
func earlyStopping(validationLosses: [Float], patience: Int, minDelta: Float = 0)
    -> (stopAfterEpoch: Int?, bestEpoch: Int) {
    // TODO: walk the losses keeping the best so far and the epochs since it improved.
    return (nil, 0)
}
