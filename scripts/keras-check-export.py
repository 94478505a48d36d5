#!/usr/bin/env python3
"""Checks that Keras and lesson agree on each other's model files.

Usage (in a Python environment with tensorflow-cpu and keras 3; run by hand,
never by scripts/test):
    python scripts/keras-check-export.py train OUT.keras [--epochs 5]
        trains in Keras the 784-128-48-10 MLP (relu, relu, softmax; Adam(1e-3),
        batch 32, seed 42) on the 60,000 Fashion-MNIST training images, saves it
        as OUT.keras and prints its test accuracy. Then
            ./lesson evaluate OUT.keras
        must print the same accuracy.
    python scripts/keras-check-export.py evaluate FILE.keras
        loads FILE.keras in Keras with no custom code (for example one written by
        'lesson export model.safetensors FILE.keras') and prints its test
        accuracy, which must equal what './lesson evaluate' prints for it.

The test images are scaled as lesson scales them (pixel * float32(1/255)), so
both sides see the same numbers. The data are read from the Debian package
dataset-fashion-mnist (/usr/share/datasets/fashion-mnist, or
$FASHION_MNIST_DIR), never downloaded.
"""
import argparse
import gzip
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np

DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def load_idx(name, header):
    with gzip.open(os.path.join(DATA_DIR, name), "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def images(name):
    pixels = load_idx(name, 16).reshape(-1, 784)
    return pixels.astype(np.float32) * np.float32(1 / 255)


def labels(name):
    return load_idx(name, 8).astype(np.int64)


def accuracy(model, x, y):
    predictions = model.predict(x, batch_size=1000, verbose=0)
    return float(np.mean(np.argmax(predictions, axis=1) == y))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train")
    train.add_argument("output")
    train.add_argument("--epochs", type=int, default=5)
    evaluate = commands.add_parser("evaluate")
    evaluate.add_argument("model")
    arguments = parser.parse_args()

    import keras

    x_test, y_test = images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")
    if arguments.command == "train":
        keras.utils.set_random_seed(42)
        x_train, y_train = images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")
        model = keras.Sequential([
            keras.Input((784,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(48, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ])
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        model.fit(x_train, y_train, epochs=arguments.epochs, batch_size=32, verbose=2)
        model.save(arguments.output)
        print(f"Saved {arguments.output}")
        print(f"Keras test accuracy: {accuracy(model, x_test, y_test):.4f}")
    else:
        model = keras.models.load_model(arguments.model)
        model.summary()
        print(f"Keras test accuracy of {arguments.model}: {accuracy(model, x_test, y_test):.4f}")


if __name__ == "__main__":
    main()
