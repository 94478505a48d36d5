import Foundation

/// A 2-D affine map of pixel coordinates, `(x, y) ↦ (a·x + b·y + tx, c·x + d·y + ty)`, with x to
/// the right, y downwards and integer coordinates at pixel centres.
public struct AffineMap: Equatable, Sendable {
    public var a, b, c, d, tx, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        (self.a, self.b, self.c, self.d, self.tx, self.ty) = (a, b, c, d, tx, ty)
    }

    public static let identity = AffineMap(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    /// `self` after `first`: the map `p ↦ self(first(p))`.
    public func after(_ first: AffineMap) -> AffineMap {
        AffineMap(
            a: a * first.a + b * first.c, b: a * first.b + b * first.d,
            c: c * first.a + d * first.c, d: c * first.b + d * first.d,
            tx: a * first.tx + b * first.ty + tx, ty: c * first.tx + d * first.ty + ty)
    }

    /// The inverse map; nil when the map flattens the plane (determinant 0) or its inverse
    /// cannot be represented.
    public var inverse: AffineMap? {
        let determinant = a * d - b * c
        guard determinant != 0 && determinant.isFinite else { return nil }
        let (ia, ib, ic, id) = (d / determinant, -b / determinant, -c / determinant, a / determinant)
        let result = AffineMap(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ib * ty), ty: -(ic * tx + id * ty))
        let parts = [result.a, result.b, result.c, result.d, result.tx, result.ty]
        return parts.allSatisfy(\.isFinite) ? result : nil
    }

    /// The linear part `m` applied about `center`: `p ↦ center + m·(p − center)`.
    static func about(_ center: (x: Double, y: Double), a: Double, b: Double, c: Double, d: Double) -> AffineMap {
        AffineMap(
            a: a, b: b, c: c, d: d,
            tx: center.x - a * center.x - b * center.y, ty: center.y - c * center.x - d * center.y)
    }

    /// A counter-clockwise rotation on screen by `degrees` about `center`. Angles that are whole
    /// quarter turns use exact 0 and ±1, so a 90° rotation moves pixels exactly.
    public static func rotation(degrees: Double, about center: (x: Double, y: Double)) -> AffineMap {
        let radians = degrees * .pi / 180
        var (cosine, sine) = (cos(radians), sin(radians))
        for exact in [-1.0, 0, 1] {
            if abs(cosine - exact) < 1e-12 { cosine = exact }
            if abs(sine - exact) < 1e-12 { sine = exact }
        }
        // With y downwards, counter-clockwise on screen is (x, y) ↦ (x cos θ + y sin θ, −x sin θ + y cos θ).
        return about(center, a: cosine, b: sine, c: -sine, d: cosine)
    }

    /// Content scaled by `x` across and `y` down about `center` (above 1 enlarges).
    public static func scaling(x: Double, y: Double, about center: (x: Double, y: Double)) -> AffineMap {
        about(center, a: x, b: 0, c: 0, d: y)
    }

    /// A horizontal shear by `degrees` about `center`: rows slide sideways in proportion to their
    /// distance from the centre row.
    public static func shear(degrees: Double, about center: (x: Double, y: Double)) -> AffineMap {
        about(center, a: 1, b: -tan(degrees * .pi / 180), c: 0, d: 1)
    }

    /// A move by `x` pixels right and `y` pixels down.
    public static func translation(x: Double, y: Double) -> AffineMap {
        AffineMap(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }
}
