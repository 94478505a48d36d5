/// Exercise 1.1 · The step function
///
/// A perceptron gives a yes-or-no answer: it adds up its weighted inputs and "fires" when the
/// sum is above zero. That all-or-nothing switch is the step function:
///
///     step(z) = 1 when z > 0, otherwise 0        (so step(0) = 0)
///
/// Chapter 1's neuron uses the same idea with the line at 0.5: an output above 0.5 counts as 1.
/// With the step function, one neuron with weights (1, 1) and bias −1.5 already computes AND:
/// step(1·x1 + 1·x2 − 1.5) is 1 only for (1, 1). The grader checks that too.
///
/// Write `step` below, then run `lesson check 1.1`.
func step(_ z: Float) -> Float {
    // TODO: return 1 when z is above 0, and 0 otherwise.
    return -1
}
