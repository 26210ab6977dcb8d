"""Draws the toolbar icons (a white U on red) as PNGs without any imaging library."""
import struct, zlib, pathlib

def png(size):
    red, white, clear = (180, 35, 24, 255), (255, 255, 255, 255), (0, 0, 0, 0)
    r = size * 0.18  # corner radius
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx = min(max(x + 0.5, r), size - r); cy = min(max(y + 0.5, r), size - r)
            inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r
            u, v = (x + 0.5) / size, (y + 0.5) / size
            bar = 0.14
            in_u = 0.22 <= v <= 0.80 and (0.24 <= u <= 0.24 + bar or 0.76 - bar <= u <= 0.76)
            in_u |= 0.80 - bar <= v <= 0.80 and 0.24 <= u <= 0.76
            row += bytes(white if inside and in_u else red if inside else clear)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) + \
        chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')

out = pathlib.Path(__file__).resolve().parent.parent / 'public' / 'icon'
out.mkdir(parents=True, exist_ok=True)
for s in (16, 32, 48, 128):
    (out / f'{s}.png').write_bytes(png(s))
