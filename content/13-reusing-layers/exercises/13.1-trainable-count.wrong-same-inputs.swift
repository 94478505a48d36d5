// Wrong: every layer is counted on the model's input size instead of the units of the layer below
// The check says: the second one's inputs are the first's 5 units
func parameterCounts(inputSize: Int, layers: [(units: Int, frozen: Bool)]) -> (trainable: Int, nonTrainable: Int) {
    var trainable = 0, nonTrainable = 0
    let inputs = inputSize
    for layer in layers {
        let count = inputs * layer.units + layer.units
        if layer.frozen { nonTrainable += count } else { trainable += count }
    }
    return (trainable, nonTrainable)
}
