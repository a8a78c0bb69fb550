#!/usr/bin/env python3
"""Draws Mascate's PNG icons (a green tile with a white "M") with the standard library only.

Run once; the PNGs are committed. `python3 scripts/icons.py` rewrites public/icons/.
"""
import struct
import zlib
from pathlib import Path

GREEN = (11, 93, 75)
WHITE = (255, 255, 255)


def inside_m(x, y, size, margin):
    """True when (x, y) falls on the letter M drawn in the square [margin, size - margin]."""
    lo, hi = margin, size - margin
    if not (lo <= x < hi and lo <= y < hi):
        return False
    w = hi - lo
    u, v = (x - lo) / w, (y - lo) / w
    stroke = 0.16
    if u < stroke or u > 1 - stroke:
        return True
    # The two diagonals meeting at the middle, down to 60 % of the height.
    half = 0.5
    if v < 0.6 + stroke / 2:
        left = abs(v - u * (0.6 / half)) < stroke * 0.9 and u <= half
        right = abs(v - (1 - u) * (0.6 / half)) < stroke * 0.9 and u >= half
        return left or right
    return False


def png(size, maskable):
    margin = int(size * (0.28 if maskable else 0.2))
    radius = 0 if maskable else size * 0.18
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            # Rounded corners (transparent) for the ordinary icon; full bleed for maskable.
            cx = min(x, size - 1 - x)
            cy = min(y, size - 1 - y)
            outside = radius and cx < radius and cy < radius and (radius - cx) ** 2 + (radius - cy) ** 2 > radius ** 2
            if outside:
                row += bytes((0, 0, 0, 0))
            elif inside_m(x, y, size, margin):
                row += bytes(WHITE + (255,))
            else:
                row += bytes(GREEN + (255,))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "public" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    (out / "icon-192.png").write_bytes(png(192, False))
    (out / "icon-512.png").write_bytes(png(512, False))
    (out / "icon-maskable-512.png").write_bytes(png(512, True))
    print("wrote", ", ".join(sorted(p.name for p in out.glob("*.png"))))
