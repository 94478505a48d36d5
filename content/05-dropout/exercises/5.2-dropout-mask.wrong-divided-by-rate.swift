// Wrong: kept units given 1 / rate instead of 1 / (1 − rate)
// The check says: (0.5: kept, with the factor 1 / (1 − 0.25))
func dropoutMask(uniforms: [Float], rate: Float) -> [Float] {
    uniforms.map { $0 >= rate ? 1 / rate : 0 }
}
