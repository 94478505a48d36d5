func maxPool(_ image: [Float], width: Int, height: Int, size: Int) -> (values: [Float], winners: [Int]) {
    var values: [Float] = []
    var winners: [Int] = []
    for top in stride(from: 0, through: height - size, by: size) {
        for left in stride(from: 0, through: width - size, by: size) {
            var winner = top * width + left
            for y in top ..< top + size {
                for x in left ..< left + size where image[y * width + x] > image[winner] {
                    winner = y * width + x
                }
            }
            values.append(image[winner])
            winners.append(winner)
        }
    }
    return (values, winners)
}

func poolGradient(_ outputGradient: [Float], winners: [Int], inputCount: Int) -> [Float] {
    var gradient = [Float](repeating: 0, count: inputCount)
    for (value, winner) in zip(outputGradient, winners) { gradient[winner] += value }
    return gradient
}
