#!/usr/bin/env python3
"""Seconds per epoch of chapter 12's convolutional network in Keras, for `scripts/bench-cnn`.

Conv2D(32, 3, relu, same) -> MaxPooling2D(2) -> Conv2D(64, 3, relu, same) -> MaxPooling2D(2)
-> Flatten -> Dense(100, relu) -> Dropout(0.4) -> Dense(10, softmax), Adam, batch 32, on the
60,000 training images with validation_split 0.2 (48,000 train, 12,000 validate), seed 42.
Prints one line per epoch (training pass and whole epoch, as `lesson bench` measures them),
then the median and the process's peak memory.

Usage (in a Python environment with tensorflow-cpu):
    python scripts/keras-cnn-epoch.py [--epochs 3]

The data are read from the Debian package dataset-fashion-mnist
(/usr/share/datasets/fashion-mnist, or $FASHION_MNIST_DIR), never downloaded.
"""
import argparse
import gzip
import os
import resource
import statistics
import time

import numpy as np

DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def load_training():
    with gzip.open(os.path.join(DATA_DIR, "train-images-idx3-ubyte.gz"), "rb") as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28, 1)
    with gzip.open(os.path.join(DATA_DIR, "train-labels-idx1-ubyte.gz"), "rb") as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int64)
    return x.astype(np.float32) / 255.0, y


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()

    import keras

    x, y = load_training()
    keras.utils.set_random_seed(42)
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, kernel_size=3, activation="relu", padding="same"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, kernel_size=3, activation="relu", padding="same"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(100, activation="relu"),
        keras.layers.Dropout(0.4),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

    class Timer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.passes, self.epochs = [], []

        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_train_batch_end(self, batch, logs=None):
            self.last_batch = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.passes.append(self.last_batch - self.start)
            self.epochs.append(time.perf_counter() - self.start)
            print(f"keras epoch {epoch + 1}: training pass {self.passes[-1]:.2f} s, "
                  f"whole epoch {self.epochs[-1]:.2f} s, val_accuracy {logs['val_accuracy']:.4f}", flush=True)

    timer = Timer()
    model.fit(x, y, epochs=args.epochs, batch_size=32, validation_split=0.2, callbacks=[timer], verbose=0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"keras median: training pass {statistics.median(timer.passes):.2f} s, "
          f"whole epoch {statistics.median(timer.epochs):.2f} s; peak memory {peak} MiB", flush=True)


if __name__ == "__main__":
    main()
