/// Exercise 12.3 · Max pooling and where each maximum was
///
/// Max pooling keeps the largest value of each `size × size` window, the windows side by side
/// (stride = size, Keras's default, and valid padding: a last row or column that does not fill
/// a window is left out). The image here is one channel, a flat array row after row: pixel
/// (x, y) is at index y · width + x, counting from 0.
///
/// The backward pass needs to know which input each maximum came from, since only that input
/// changed the output: return its flat index too. When several values tie, the first one in
/// reading order (row by row, left to right) wins, as TensorFlow decides.
///
///     maxPool([1, 5, 2, 0,
///              3, 4, 8, 8], width: 4, height: 2, size: 2)  →  values [5, 8], winners [1, 6]
///
/// Then `poolGradient` sends each output's gradient back to its winner; every other input gets 0.
///
/// Write both, then run `lesson check 12.3`.
func maxPool(_ image: [Float], width: Int, height: Int, size: Int) -> (values: [Float], winners: [Int]) {
    // TODO: one value and one winner index per window, windows row by row.
    return ([], [])
}

func poolGradient(_ outputGradient: [Float], winners: [Int], inputCount: Int) -> [Float] {
    // TODO: zeros, with each output's gradient added at its winner.
    return []
}
