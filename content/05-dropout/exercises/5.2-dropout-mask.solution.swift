/// Exercise 5.2 · Drawing a dropout mask (reference solution)
func dropoutMask(uniforms: [Float], rate: Float) -> [Float] {
    let scale = 1 / (1 - rate)
    return uniforms.map { $0 >= rate ? scale : 0 }
}
