// Wrong: the derivative is written with z where σ(z) belongs: z · (1 − z)
// The check says: its largest value
import Foundation

func sigmoidDerivative(_ z: Float) -> Float {
    z * (1 - z)
}

func gradientScale(layers: Int, weight: Float) -> Float {
    powf(0.25 * weight, Float(layers))
}
