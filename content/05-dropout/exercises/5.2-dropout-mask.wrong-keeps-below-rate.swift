// Wrong: units kept when u < rate, which keeps a quarter where three quarters should stay
// The check says: (0.1 is below the rate: dropped)
func dropoutMask(uniforms: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return uniforms.map { $0 < rate ? scale : 0 }
}
