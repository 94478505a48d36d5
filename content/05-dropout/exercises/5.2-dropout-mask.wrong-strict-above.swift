// Wrong: a unit kept only when u > rate, so a draw of exactly the rate is dropped
// The check says: (0.25 itself is kept)
func dropoutMask(uniforms: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return uniforms.map { $0 > rate ? scale : 0 }
}
