// Wrong: the switch a little above 0 (z > 0.0001), as if tiny sums did not count
// The check says: only just above 0
func step(_ z: Float) -> Float {
    z > 0.0001 ? 1 : 0
}
