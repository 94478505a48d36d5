/// Exercise 1.1 · The step function (reference solution)
func step(_ z: Float) -> Float {
    z > 0 ? 1 : 0
}
