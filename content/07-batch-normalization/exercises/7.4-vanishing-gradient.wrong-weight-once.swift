// Wrong: the weight is applied once instead of in every layer: 0.25ⁿ · w for (0.25 · w)ⁿ
// The check says: the weight in every layer
import Foundation

func sigmoidDerivative(_ z: Float) -> Float {
    let s = 1 / (1 + expf(-z))
    return s * (1 - s)
}

func gradientScale(layers: Int, weight: Float) -> Float {
    layers == 0 ? 1 : powf(0.25, Float(layers)) * weight
}
