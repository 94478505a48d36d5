#!/usr/bin/env python3
"""Writes Keras's own answers for AveragePooling2D, which NNKit's tests compare against.

Usage (in a Python environment with keras 3 and tensorflow-cpu):
    python scripts/keras-average-pooling.py [FOLDER]

FOLDER defaults to Tests/NNKitTests/KerasFiles. It writes:
    average_pooling.json
        for several pool sizes, strides and both paddings: a seeded random batch of images,
        Keras's output, and the gradient of sum(output * upstream) with respect to the input
        for a seeded random upstream gradient; also each layer's output shape
    pooled.keras
        Input(6, 5, 2) -> Conv2D(3, 2, relu) -> AveragePooling2D(2, same) -> Flatten
        -> Dense(4, softmax), its weights set from a seeded generator, with Keras's
        predictions on fixed inputs in average_pooling.json
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras
import numpy as np
import tensorflow as tf

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "NNKitTests", "KerasFiles")
os.makedirs(folder, exist_ok=True)
keras.utils.set_random_seed(7)
generator = np.random.default_rng(7)
fixture = {"keras_version": keras.__version__, "cases": []}

cases = [
    ((6, 6, 3), (2, 2), None, "valid", 2),
    ((7, 5, 2), (2, 2), None, "valid", 3),
    ((7, 5, 2), (2, 2), None, "same", 3),
    ((9, 9, 4), (3, 3), (2, 2), "same", 1),
    ((5, 8, 1), (2, 3), (1, 1), "valid", 2),
    ((4, 4, 2), (3, 3), (3, 3), "same", 2),
]
for shape, pool, strides, padding, batch in cases:
    layer = keras.layers.AveragePooling2D(pool_size=pool, strides=strides, padding=padding)
    x = tf.constant(generator.normal(size=(batch,) + shape).astype("float32"))
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = layer(x)
        upstream = tf.constant(generator.normal(size=y.shape).astype("float32"))
        total = tf.reduce_sum(y * upstream)
    gradient = tape.gradient(total, x)
    fixture["cases"].append({
        "input_shape": list(shape), "pool_size": list(pool),
        "strides": list(strides) if strides else list(pool), "padding": padding, "batch": batch,
        "input": x.numpy().reshape(batch, -1).tolist(),
        "output_shape": list(y.shape[1:]),
        "output": y.numpy().reshape(batch, -1).tolist(),
        "upstream": upstream.numpy().reshape(batch, -1).tolist(),
        "input_gradient": gradient.numpy().reshape(batch, -1).tolist(),
    })

model = keras.Sequential([
    keras.Input((6, 5, 2)),
    keras.layers.Conv2D(3, 2, activation="relu"),
    keras.layers.AveragePooling2D(2, padding="same"),
    keras.layers.Flatten(),
    keras.layers.Dense(4, activation="softmax"),
])
model.set_weights([generator.normal(size=w.shape).astype("float32") for w in model.get_weights()])
model.save(os.path.join(folder, "pooled.keras"))
inputs = generator.normal(size=(3, 6, 5, 2)).astype("float32")
fixture["pooled.keras"] = {"inputs": inputs.reshape(3, -1).tolist(),
                           "outputs": model.predict(inputs, verbose=0).tolist()}

with open(os.path.join(folder, "average_pooling.json"), "w") as file:
    json.dump(fixture, file)
print("wrote", os.path.join(folder, "average_pooling.json"), "and pooled.keras")
