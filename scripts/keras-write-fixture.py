#!/usr/bin/env python3
"""Writes the Keras 3 files NNKit's tests read, and Keras's predictions for them.

Usage (in a Python environment with keras 3 and tensorflow-cpu):
    python scripts/keras-write-fixture.py [FOLDER]

FOLDER defaults to Tests/NNKitTests/KerasFiles. It writes:
    mlp.keras    Input(6) -> Dense(5, relu) -> BatchNormalization -> Dropout(0.25)
                 -> Dense(3, softmax), compiled with Adam and fitted for 2 epochs on
                 seeded random data, so that the file holds an optimizer group and
                 moving statistics away from their defaults
    cnn.keras    Input(6, 5, 2) -> Conv2D(3, (3, 2), strides 1, same, relu)
                 -> MaxPooling2D(2, same) -> Flatten -> Dense(4, softmax), not
                 compiled, its weights set from a seeded generator
    mlp-float64.weights.h5
                 mlp.keras's weights in Keras's weights-only layout, but as float64,
                 which NNKit must refuse
    predictions.json
                 for each file, a few fixed inputs and Keras's model.predict on them
The tests check that NNKit reads both files and predicts the same within 1e-5.
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras
import numpy as np

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "NNKitTests", "KerasFiles")
os.makedirs(folder, exist_ok=True)
keras.utils.set_random_seed(42)
generator = np.random.default_rng(42)
predictions = {"keras_version": keras.__version__}

mlp = keras.Sequential([
    keras.Input((6,)),
    keras.layers.Dense(5, activation="relu"),
    keras.layers.BatchNormalization(),
    keras.layers.Dropout(0.25),
    keras.layers.Dense(3, activation="softmax"),
])
mlp.compile(optimizer=keras.optimizers.Adam(0.05), loss="sparse_categorical_crossentropy")
x = generator.normal(size=(64, 6)).astype("float32")
y = generator.integers(0, 3, size=64)
mlp.fit(x, y, epochs=2, batch_size=16, verbose=0)
mlp.save(os.path.join(folder, "mlp.keras"))
inputs = generator.normal(size=(4, 6)).astype("float32")
predictions["mlp.keras"] = {"inputs": inputs.tolist(), "outputs": mlp.predict(inputs, verbose=0).tolist()}

cnn = keras.Sequential([
    keras.Input((6, 5, 2)),
    keras.layers.Conv2D(3, (3, 2), padding="same", activation="relu"),
    keras.layers.MaxPooling2D(2, padding="same"),
    keras.layers.Flatten(),
    keras.layers.Dense(4, activation="softmax"),
])
cnn.set_weights([generator.normal(size=w.shape).astype("float32") for w in cnn.get_weights()])
cnn.save(os.path.join(folder, "cnn.keras"))
inputs = generator.normal(size=(3, 6, 5, 2)).astype("float32")
predictions["cnn.keras"] = {"inputs": inputs.reshape(3, -1).tolist(), "outputs": cnn.predict(inputs, verbose=0).tolist()}

import h5py  # noqa: E402  (comes with keras)

mlp.save_weights(os.path.join(folder, "mlp-float64.weights.h5"))
with h5py.File(os.path.join(folder, "mlp-float64.weights.h5"), "r+") as weights:
    if "optimizer" in weights:
        del weights["optimizer"]
    for name in ["0", "1"]:
        values = weights["layers/dense/vars"][name][...]
        del weights["layers/dense/vars"][name]
        weights["layers/dense/vars"].create_dataset(name, data=values.astype("float64"))

with open(os.path.join(folder, "predictions.json"), "w") as file:
    json.dump(predictions, file, indent=1)
    file.write("\n")
for name in ["mlp.keras", "cnn.keras", "mlp-float64.weights.h5"]:
    print(name, os.path.getsize(os.path.join(folder, name)), "bytes")
