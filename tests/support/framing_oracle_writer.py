#!/usr/bin/env python3
"""Write variable-length record files with struct.pack, as an oracle for the record reader.

Written from IBM's "z/OS DFSMS Using Data Sets", format-V records:
  * RDW: 2-byte big-endian length that counts the 4-byte RDW, then 2 zero bytes.
  * BDW: 2-byte big-endian block length that counts the 4-byte BDW, then 2 zero bytes;
    the extended BDW (large block interface) sets bit 0 and holds a 31-bit length.
  * Spanned (VS/VBS): the SDW is an RDW whose third byte is the segment control code:
    0 = whole record, 1 = first segment, 2 = last segment, 3 = middle segment.
    A segment never spans blocks, and a block may end with the first segment of a record
    whose following segments start the next blocks.
Variants beyond IBM: little-endian words (the 4 bytes reversed, as Cobrix reads them) and
RDW lengths that exclude the RDW (GnuCOBOL, Cobrix defaults).

usage: framing_oracle_writer.py OUT_DIR SEED
Writes OUT_DIR/{v.dat, v_le_excl.dat, vb.dat, vb_ext.dat, vs.dat, vbs.dat} and
OUT_DIR/expected.json: {"records": [hex, ...]} shared by every file (v_le_excl.dat leaves
out the empty records).
"""
import json
import os
import random
import struct
import sys


def word(length, control=0, big_endian=True):
    w = struct.pack(">HBB", length, control, 0)
    return w if big_endian else w[::-1]


def write_v(records, big_endian=True, includes=True):
    out = bytearray()
    for r in records:
        out += word(len(r) + (4 if includes else 0), 0, big_endian) + r
    return bytes(out)


def bdw(length, extended=False):
    if extended:
        return struct.pack(">I", 0x80000000 | length)
    return struct.pack(">HH", length, 0)


def write_vb(records, blksize, extended=False):
    out = bytearray()
    block = bytearray()
    for r in records:
        rec = word(len(r) + 4) + r
        if block and 4 + len(block) + len(rec) > blksize:
            out += bdw(4 + len(block), extended) + block
            block = bytearray()
        block += rec
    if block:
        out += bdw(4 + len(block), extended) + block
    return bytes(out)


def segments(record, room_fn):
    """Split a record into (control, bytes) segments; room_fn() gives the data room left."""
    pos, first = 0, True
    while True:
        room = room_fn()
        rest = len(record) - pos
        if rest <= room:
            yield (0 if first else 2), record[pos:]
            return
        yield (1 if first else 3), record[pos:pos + room]
        pos += room
        first = False


def write_vs(records, max_segment):
    out = bytearray()
    for r in records:
        for control, chunk in segments(r, lambda: max_segment):
            out += word(len(chunk) + 4, control) + chunk
    return bytes(out)


def write_vbs(records, blksize):
    out = bytearray()
    block = bytearray()

    def flush():
        nonlocal block
        if block:
            out.extend(bdw(4 + len(block)) + block)
            block = bytearray()

    def room():
        # A segment needs its SDW and at least one data byte; else start a new block.
        if blksize - 4 - len(block) - 4 < 1:
            flush()
        return blksize - 4 - len(block) - 4

    for r in records:
        for control, chunk in segments(r, room):
            block += word(len(chunk) + 4, control) + chunk
    flush()
    return bytes(out)


def main():
    out_dir, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    records = []
    for i in range(3000):
        kind = rng.random()
        if kind < 0.05:
            n = 0
        elif kind < 0.9:
            n = rng.randint(1, 300)
        else:
            n = rng.randint(301, 30000)  # longer than the VS segments and VBS blocks
        records.append(bytes(rng.randrange(256) for _ in range(n)) if n < 400 else
                       bytes([i % 256]) * n)
    assert all(len(r) <= 32756 for r in records)  # every record fits a non-spanned RDW
    files = {
        "v.dat": write_v(records),
        # A length that excludes the RDW cannot say "empty": 0 is an invalid RDW.
        "v_le_excl.dat": write_v([r for r in records if r], big_endian=False, includes=False),
        "vb.dat": write_vb(records, 32760),
        "vb_ext.dat": write_vb(records, 262144, extended=True),
        "vs.dat": write_vs(records, 1000),
        "vbs.dat": write_vbs(records, 6233),
    }
    for name, data in files.items():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
    with open(os.path.join(out_dir, "expected.json"), "w") as f:
        json.dump({"records": [r.hex() for r in records]}, f)


if __name__ == "__main__":
    main()
