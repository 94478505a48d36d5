import Augment
import NNKit

/// Applies an augmentation policy to every training batch of 28 × 28 Fashion-MNIST rows, in
/// place, with its own seeded generator: passed to `fit(augment:)`.
final class BatchAugmenter {
    let policy: AugmentationPolicy
    private var generator: RandomGenerator
    private var scratch = [Float](repeating: 0, count: FashionMNIST.pixels)

    init(policy: AugmentationPolicy, seed: UInt64) {
        self.policy = policy
        self.generator = RandomGenerator(seed: seed)
    }

    func callAsFunction(_ batch: inout Matrix) {
        let count = batch.rows
        batch.withUnsafeMutableBufferPointer { images in
            scratch.withUnsafeMutableBufferPointer { scratch in
                policy.apply(
                    toImages: images, count: count, width: FashionMNIST.imageSide,
                    height: FashionMNIST.imageSide, scratch: scratch, using: &generator)
            }
        }
    }
}
