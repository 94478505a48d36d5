// Wrong: the nearest pixel to the source point is read instead of blending the four around it
// The check says: the mean of 10, 20, 40 and 50
import Foundation

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
            result[y * width + x] = pixel(Int(sx.rounded()), Int(sy.rounded()))
        }
    }
    return result
}
