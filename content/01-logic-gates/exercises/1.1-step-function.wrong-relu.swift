// Wrong: passes z through when positive, as ReLU does, instead of switching to 1
// The check says: step(2.5)
func step(_ z: Float) -> Float {
    z > 0 ? z : 0
}
