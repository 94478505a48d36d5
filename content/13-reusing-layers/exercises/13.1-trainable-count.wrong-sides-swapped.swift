// Wrong: frozen layers are counted as trainable and the others as non-trainable
// The check says: one small layer, not frozen
func parameterCounts(inputSize: Int, layers: [(units: Int, frozen: Bool)]) -> (trainable: Int, nonTrainable: Int) {
    var trainable = 0, nonTrainable = 0
    var inputs = inputSize
    for layer in layers {
        let count = inputs * layer.units + layer.units
        if layer.frozen { trainable += count } else { nonTrainable += count }
        inputs = layer.units
    }
    return (trainable, nonTrainable)
}
