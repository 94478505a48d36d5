// Wrong: z >= 0 for "above 0", so step(0) fires
// The check says: 0 is not above 0
func step(_ z: Float) -> Float {
    z >= 0 ? 1 : 0
}
