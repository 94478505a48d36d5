func parameterCounts(inputSize: Int, layers: [(units: Int, frozen: Bool)]) -> (trainable: Int, nonTrainable: Int) {
    var trainable = 0, nonTrainable = 0
    var inputs = inputSize
    for layer in layers {
        let count = inputs * layer.units + layer.units
        if layer.frozen { nonTrainable += count } else { trainable += count }
        inputs = layer.units
    }
    return (trainable, nonTrainable)
}
