// Wrong: the switch at 0.5, chapter 1's output line, instead of at 0
// The check says: just above 0
func step(_ z: Float) -> Float {
    z > 0.5 ? 1 : 0
}
