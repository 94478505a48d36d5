import Foundation

/// Exercise 8.3 · Zooming about the centre (reference solution)
func zoomed(_ pixels: [Float], width: Int, height: Int, factor: Double) -> [Float] {
    let (cx, cy) = (Double(width - 1) / 2, Double(height - 1) / 2)
    func pixel(_ x: Int, _ y: Int) -> Float {
        x >= 0 && x < width && y >= 0 && y < height ? pixels[y * width + x] : 0
    }
    var result = [Float](repeating: 0, count: width * height)
    for y in 0 ..< height {
        for x in 0 ..< width {
            let sx = cx + (Double(x) - cx) / factor
            let sy = cy + (Double(y) - cy) / factor
            let (x0, y0) = (Int(floor(sx)), Int(floor(sy)))
            let (fx, fy) = (Float(sx - floor(sx)), Float(sy - floor(sy)))
            let top = pixel(x0, y0) * (1 - fx) + pixel(x0 + 1, y0) * fx
            let bottom = pixel(x0, y0 + 1) * (1 - fx) + pixel(x0 + 1, y0 + 1) * fx
            result[y * width + x] = top * (1 - fy) + bottom * fy
        }
    }
    return result
}
