#!/usr/bin/env python3
"""Writes the PNG fixtures for the Augment tests and, beside each, the pixels Pillow decodes
from it, reduced to 8 bits per channel the way TensorFlow's decode_png does (16-bit samples keep
their high byte). The files are written by the small encoder below, so that every colour type,
bit depth and interlacing is covered; Pillow is only the independent reader.

Run once by hand (needs Pillow); the tests read the committed files and expected.json.
"""
import json
import os
import struct
import zlib

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTH, HEIGHT = 9, 7  # odd sizes, larger than 8 × 8 passes need, exercise every Adam7 pass

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def pack_row(samples, bit_depth):
    if bit_depth == 8:
        return bytes(samples)
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, filled = bytearray(), 0, 0
    for s in samples:
        acc = (acc << bit_depth) | s
        filled += bit_depth
        if filled == 8:
            out.append(acc)
            acc, filled = 0, 0
    if filled:
        out.append(acc << (8 - filled))
    return bytes(out)


def encode(pixels, color_type, bit_depth, interlace=False, palette=None, trns=None, gamma=None):
    """pixels: rows of per-pixel tuples of samples (or indices for a palette)."""
    raw = bytearray()
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        for y in range(y0, HEIGHT, dy):
            row = [s for x in range(x0, WIDTH, dx) for s in pixels[y][x]]
            if row:
                raw += b"\x00" + pack_row(row, bit_depth)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, bit_depth, color_type, 0, 0, 1 if interlace else 0))
    if gamma is not None:
        data += chunk(b"gAMA", struct.pack(">I", int(gamma * 100000)))
    if palette is not None:
        data += chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    return data + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b"")


def expected(path):
    image = Image.open(path)
    image.load()
    mode = image.mode
    if mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    elif mode == "1":
        image = image.convert("L")
    elif mode in ("I;16", "I;16B", "I"):
        return ("L", [v >> 8 for v in image.getdata()])
    elif mode == "L" and "transparency" in image.info:
        image = image.convert("LA")
    elif mode == "RGB" and "transparency" in image.info:
        image = image.convert("RGBA")
    flat = []
    for value in image.getdata():
        flat.extend(value if isinstance(value, tuple) else (value,))
    return (image.mode, flat)


def main():
    cases = {}
    def grey(depth):
        top = (1 << depth) - 1
        scale = 3001 if depth == 16 else 1  # spread 16-bit samples over the whole range
        return [[((x * 3 + y * 5) * scale % (top + 1),) for x in range(WIDTH)] for y in range(HEIGHT)]
    def channels(count, depth):
        top = (1 << depth) - 1
        return [[tuple((x * 37 + y * 91 + c * 53) * (top // 255 if depth == 16 else 1) % (top + 1) for c in range(count))
                 for x in range(WIDTH)] for y in range(HEIGHT)]

    for depth in (1, 2, 4, 8, 16):
        cases[f"grey-{depth}bit"] = encode(grey(depth), 0, depth)
    cases["grey-8bit-interlaced"] = encode(grey(8), 0, 8, interlace=True)
    cases["grey-8bit-gamma-1.0"] = encode([[(33,)] * WIDTH] * HEIGHT, 0, 8, gamma=1.0)
    cases["grey-8bit-transparent-value"] = encode(grey(8), 0, 8, trns=struct.pack(">H", 5))
    for depth in (8, 16):
        cases[f"grey-alpha-{depth}bit"] = encode(channels(2, depth), 4, depth)
        cases[f"rgb-{depth}bit"] = encode(channels(3, depth), 2, depth)
        cases[f"rgba-{depth}bit"] = encode(channels(4, depth), 6, depth)
    cases["rgb-8bit-interlaced"] = encode(channels(3, 8), 2, 8, interlace=True)
    palette = [(i * 40 % 256, 255 - i * 30 % 256, i * 70 % 256) for i in range(16)]
    for depth in (1, 2, 4, 8):
        indices = [[((x + y) % min(16, 1 << depth),) for x in range(WIDTH)] for y in range(HEIGHT)]
        cases[f"palette-{depth}bit"] = encode(indices, 3, depth, palette=palette[: min(16, 1 << depth)])
    indices = [[((x * 2 + y) % 16,) for x in range(WIDTH)] for y in range(HEIGHT)]
    cases["palette-4bit-interlaced"] = encode(indices, 3, 4, interlace=True, palette=palette)
    cases["palette-8bit-transparency"] = encode(indices, 3, 8, palette=palette, trns=bytes([0, 128, 255, 7]))

    table = {}
    for name, data in sorted(cases.items()):
        path = os.path.join(HERE, name + ".png")
        with open(path, "wb") as f:
            f.write(data)
        mode, values = expected(path)
        table[name] = {"width": WIDTH, "height": HEIGHT, "mode": mode, "pixels": values}
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump({"source": "Pillow " + Image.__version__ if hasattr(Image, "__version__") else "Pillow",
                   "note": "8-bit samples as Pillow decodes each file (16-bit: the high byte); modes L, LA, RGB, RGBA.",
                   "cases": table}, f, indent=0)


if __name__ == "__main__":
    main()
