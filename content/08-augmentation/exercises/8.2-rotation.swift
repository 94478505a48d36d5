import Foundation

/// Exercise 8.2 · Rotation by inverse mapping
///
/// To rotate an image, do not push each input pixel to its new place: rounding would leave
/// holes. Go backwards instead. For each *output* pixel, ask where it came from, and read the
/// input there:
///
///     relative to the centre  (cx, cy) = ((width − 1) / 2, (height − 1) / 2):
///     u = x − cx,  v = y − cy
///     source = (cx + u·cos θ − v·sin θ,  cy + u·sin θ + v·cos θ)
///
/// (θ in radians; with y pointing down this turns the picture counter-clockwise on screen.)
/// The source point usually falls between pixels, so blend its four neighbours *bilinearly*:
/// with x0 = floor(sx), fx = sx − x0 (and likewise y0, fy),
///
///     top    = p(x0, y0)     · (1 − fx) + p(x0 + 1, y0)     · fx
///     bottom = p(x0, y0 + 1) · (1 − fx) + p(x0 + 1, y0 + 1) · fx
///     value  = top · (1 − fy) + bottom · fy
///
/// where a neighbour outside the image counts as 0.
///
/// Write `rotated`, then run `lesson check 8.2`.
func rotated(_ pixels: [Float], width: Int, height: Int, degrees: Double) -> [Float] {
    // TODO: for each output pixel, find its source point, then blend the four neighbours.
    return pixels
}
