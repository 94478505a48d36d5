// Wrong: x0 and y0 come from Int(sx), which rounds −0.41 up to 0, instead of floor
// The check says: y0 = floor(−0.41) = −1
import Foundation

func rotated(_ pixels: [Float], width: Int, height: Int, degrees: Double) -> [Float] {
    let theta = degrees * .pi / 180
    let (cosine, sine) = (cos(theta), sin(theta))
    let (cx, cy) = (Double(width - 1) / 2, Double(height - 1) / 2)
    func pixel(_ x: Int, _ y: Int) -> Float {
        x >= 0 && x < width && y >= 0 && y < height ? pixels[y * width + x] : 0
    }
    var result = [Float](repeating: 0, count: pixels.count)
    for y in 0 ..< height {
        for x in 0 ..< width {
            let (u, v) = (Double(x) - cx, Double(y) - cy)
            let sx = cx + u * cosine - v * sine
            let sy = cy + u * sine + v * cosine
            let (x0, y0) = (Int(sx), Int(sy))
            let (fx, fy) = (Float(sx - Double(x0)), Float(sy - Double(y0)))
            let top = pixel(x0, y0) * (1 - fx) + pixel(x0 + 1, y0) * fx
            let bottom = pixel(x0, y0 + 1) * (1 - fx) + pixel(x0 + 1, y0 + 1) * fx
            result[y * width + x] = top * (1 - fy) + bottom * fy
        }
    }
    return result
}
