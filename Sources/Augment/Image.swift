/// A picture of 8-bit pixels, row after row, each pixel `channels` bytes: 1 grey, 2 grey and
/// alpha, 3 RGB, 4 RGBA. Values are as stored in a file: no gamma or colour conversion.
public struct Image: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public let channels: Int
    /// `height × width × channels` bytes; pixel `(x, y)`, channel `c` is at
    /// `(y · width + x) · channels + c`.
    public var pixels: [UInt8]

    /// A `width × height` image filled with `value` in every channel.
    public init(width: Int, height: Int, channels: Int = 1, filledWith value: UInt8 = 0) {
        precondition(width >= 0 && height >= 0, "An image needs non-negative dimensions, got \(width) × \(height).")
        precondition((1...4).contains(channels), "An image has 1 to 4 channels, got \(channels).")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = [UInt8](repeating: value, count: width * height * channels)
    }

    /// An image over existing pixels; `pixels.count` must be `width · height · channels`.
    public init(width: Int, height: Int, channels: Int = 1, pixels: [UInt8]) {
        precondition((1...4).contains(channels), "An image has 1 to 4 channels, got \(channels).")
        precondition(
            pixels.count == width * height * channels,
            "A \(width) × \(height) image with \(channels) channel(s) needs \(width * height * channels) bytes, got \(pixels.count)."
        )
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// A grey image from intensities in [0, 1] (values outside are clipped), as a dataset row
    /// scaled by 1/255 is stored: `0.5` becomes 128.
    public init(width: Int, height: Int, intensities: some Collection<Float>) {
        precondition(
            intensities.count == width * height,
            "A \(width) × \(height) grey image needs \(width * height) intensities, got \(intensities.count).")
        self.init(
            width: width, height: height, channels: 1,
            pixels: intensities.map { UInt8((min(max($0, 0), 1) * 255).rounded()) })
    }

    /// The value of channel `channel` at `(x, y)`.
    public subscript(x: Int, y: Int, channel: Int = 0) -> UInt8 {
        get { pixels[(y * width + x) * channels + channel] }
        set { pixels[(y * width + x) * channels + channel] = newValue }
    }

    /// Intensities in [0, 1] of a grey image, row after row: the inverse of
    /// `init(width:height:intensities:)` up to rounding.
    public var intensities: [Float] {
        precondition(channels == 1, "intensities needs a grey image; this one has \(channels) channels.")
        return pixels.map { Float($0) / 255 }
    }
}
