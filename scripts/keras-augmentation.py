#!/usr/bin/env python3
"""Chapter 8's experiment in Keras, for the figures its text quotes.

The 256-128 relu network on the first 1,000 training images, trained three ways
(no, mild and strong augmentation), validated every epoch on the last 10,000
training images, and evaluated on the 10,000 test images once, after training.

Usage (in a Python environment with tensorflow-cpu, keras and numpy):
    python scripts/keras-augmentation.py [--seeds 42,1,2] [--settings none,mild,strong]
                                         [--threads 1] [--json out.jsonl]

Protocol, the same as `lesson 8 run`:
    training     the first 1,000 of the 60,000 training images, in file order
    validation   the last 10,000 training images (rows 50,000-59,999), every epoch
    test         the 10,000 test images, evaluated once per run, after training
    model        Input(784) -> Dense(256, relu) -> Dense(128, relu) -> Dense(10, softmax)
                 on pixels / 255; Adam(1e-3), batch 32, sparse categorical cross-entropy
    none         60 epochs, no augmentation
    mild         60 epochs: RandomFlip("horizontal"), RandomRotation(5 / 360),
                 RandomTranslation(1 / 28, 1 / 28)
    strong       100 epochs: RandomFlip("horizontal"), RandomRotation(11 / 360),
                 RandomTranslation(0.08, 0.08), RandomZoom(0.1)
The random layers sit in front of the dense layers (on a 28 x 28 x 1 view of each
row), so Keras applies them to training batches only; they fill uncovered pixels
with 0, as Augment's policy does. keras.utils.set_random_seed(seed) before each run.

The data are read from the Debian package dataset-fashion-mnist
(/usr/share/datasets/fashion-mnist, or $FASHION_MNIST_DIR), never downloaded.
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np

DATA_DIR = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
TRAINING_IMAGES = 1000
VALIDATION_IMAGES = 10000


def log(*a):
    print(*a, flush=True)


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return [float(x) for x in f.read().split()[:3]]
    except OSError:
        return None


def load_idx(name, header):
    with gzip.open(os.path.join(DATA_DIR, name), "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def load_data():
    xtr = load_idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)
    ytr = load_idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    xte = load_idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784)
    yte = load_idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
    assert xtr.shape == (60000, 784) and ytr.shape == (60000,)
    assert xte.shape == (10000, 784) and yte.shape == (10000,)
    xtr = xtr.astype(np.float32) / 255.0
    xte = xte.astype(np.float32) / 255.0
    return xtr, ytr, xte, yte


def sets(data):
    """Training, validation and test arrays; the first two never share a row."""
    xtr, ytr, xte, yte = data
    train = slice(0, TRAINING_IMAGES)
    validation = slice(len(xtr) - VALIDATION_IMAGES, len(xtr))
    assert train.stop <= validation.start
    return (xtr[train], ytr[train]), (xtr[validation], ytr[validation]), (xte, yte)


SETTINGS = {
    "none": dict(epochs=60, layers=lambda L: []),
    "mild": dict(epochs=60, layers=lambda L: [
        L.RandomFlip("horizontal"),
        L.RandomRotation(5 / 360, fill_mode="constant", fill_value=0.0),
        L.RandomTranslation(1 / 28, 1 / 28, fill_mode="constant", fill_value=0.0),
    ]),
    "strong": dict(epochs=100, layers=lambda L: [
        L.RandomFlip("horizontal"),
        L.RandomRotation(11 / 360, fill_mode="constant", fill_value=0.0),
        L.RandomTranslation(0.08, 0.08, fill_mode="constant", fill_value=0.0),
        L.RandomZoom(0.1, fill_mode="constant", fill_value=0.0),
    ]),
}


def model_for(keras, setting):
    L = keras.layers
    augmentation = SETTINGS[setting]["layers"](L)
    layers = [keras.Input(shape=(784,))]
    if augmentation:
        layers += [L.Reshape((28, 28, 1))] + augmentation + [L.Flatten()]
    layers += [L.Dense(256, activation="relu"), L.Dense(128, activation="relu"),
               L.Dense(10, activation="softmax")]
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def run(keras, data, setting, seed):
    (x, y), (xval, yval), (xte, yte) = sets(data)
    keras.utils.set_random_seed(seed)
    model = model_for(keras, setting)
    epochs = SETTINGS[setting]["epochs"]
    load0, t0 = loadavg(), time.perf_counter()
    hist = model.fit(x, y, epochs=epochs, batch_size=32, validation_data=(xval, yval), verbose=0)
    fit_s = time.perf_counter() - t0
    test_loss, test_acc = model.evaluate(xte, yte, batch_size=32, verbose=0)
    h = hist.history
    rec = dict(setting=setting, seed=seed, epochs=epochs, n_train=len(x), n_val=len(xval),
               n_test=len(xte), params=int(model.count_params()),
               train_acc=float(h["accuracy"][-1]), train_loss=float(h["loss"][-1]),
               best_val_acc=float(max(h["val_accuracy"])),
               best_val_acc_epoch=int(np.argmax(h["val_accuracy"])) + 1,
               final_val_acc=float(h["val_accuracy"][-1]), final_val_loss=float(h["val_loss"][-1]),
               min_val_loss=float(min(h["val_loss"])),
               min_val_loss_epoch=int(np.argmin(h["val_loss"])) + 1,
               test_acc=float(test_acc), test_loss=float(test_loss),
               val_acc_per_epoch=[round(float(v), 4) for v in h["val_accuracy"]],
               val_loss_per_epoch=[round(float(v), 4) for v in h["val_loss"]],
               fit_wall_s=fit_s, loadavg_at_start=load0, loadavg_at_end=loadavg())
    log(f"[{setting} seed {seed}] {epochs} epochs in {fit_s:.1f}s  "
        f"train acc {rec['train_acc']:.4f}  best val acc {rec['best_val_acc']:.4f} "
        f"(epoch {rec['best_val_acc_epoch']})  final val acc {rec['final_val_acc']:.4f}  "
        f"final val loss {rec['final_val_loss']:.4f}  test acc {rec['test_acc']:.4f}")
    log("RESULT " + json.dumps(rec))
    return rec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="42,1,2")
    ap.add_argument("--settings", default="none,mild,strong")
    ap.add_argument("--threads", type=int, default=0, help="TensorFlow threads (0: its default)")
    ap.add_argument("--json", default=None, help="append result records (JSON lines)")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    settings = [s.strip() for s in args.settings.split(",") if s.strip()]
    for s in settings:
        if s not in SETTINGS:
            raise SystemExit(f"unknown setting {s}; choose from {', '.join(SETTINGS)}")

    data = load_data()
    import tensorflow as tf
    if args.threads:
        tf.config.threading.set_intra_op_parallelism_threads(args.threads)
        tf.config.threading.set_inter_op_parallelism_threads(args.threads)
    import keras
    log(f"[keras] keras {keras.__version__}, tensorflow {tf.__version__}, numpy {np.__version__}, "
        f"python {sys.version.split()[0]}, threads {args.threads or 'default'}")

    records = []
    for setting in settings:
        for seed in seeds:
            records.append(run(keras, data, setting, seed))
    log("")
    log("setting  seed  train acc  best val acc  final val loss  test acc  fit s")
    for r in records:
        log(f"{r['setting']:<8} {r['seed']:>4}  {r['train_acc']:9.3f}  {r['best_val_acc']:12.3f}  "
            f"{r['final_val_loss']:14.3f}  {r['test_acc']:8.3f}  {r['fit_wall_s']:5.1f}")
    if args.json:
        with open(args.json, "a") as f:
            for r in records:
                f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
