#!/usr/bin/env python3
"""Turn a GnuCOBOL variable-length sequential file into an IBM VB data set image.

GnuCOBOL (COB_VARSEQ_FORMAT 0, the default) writes each record of a RECORD VARYING file
behind a 4-byte prefix: the record length in 2 big-endian bytes, *not* counting the
prefix, then two zero bytes. z/OS VB records carry an RDW whose length *does* count its
own 4 bytes, and records are grouped into blocks, each behind a BDW (block length,
counting the BDW, big-endian, then two zero bytes). This step rewrites one into the other,
filling each block with whole records up to BLKSIZE bytes (BDW included), as QSAM does.

Usage: vb_block.py IN OUT [--blksize N]   (default 6144)
"""
import argparse
import struct
import sys


def read_gnucobol_varseq(data):
    """Yield the records of a COB_VARSEQ_FORMAT 0 file."""
    pos = 0
    while pos < len(data):
        if pos + 4 > len(data):
            sys.exit("truncated record prefix at byte %d" % pos)
        length, pad = struct.unpack(">HH", data[pos:pos + 4])
        if pad != 0 or pos + 4 + length > len(data):
            sys.exit("bad record prefix at byte %d" % pos)
        yield data[pos + 4:pos + 4 + length]
        pos += 4 + length


def block(records, blksize):
    out = bytearray()
    current = bytearray()
    for rec in records:
        rdw = struct.pack(">HH", len(rec) + 4, 0) + rec
        if len(rdw) + 4 > blksize:
            sys.exit("record of %d bytes does not fit BLKSIZE %d" % (len(rec), blksize))
        if current and 4 + len(current) + len(rdw) > blksize:
            out += struct.pack(">HH", len(current) + 4, 0) + current
            current = bytearray()
        current += rdw
    if current:
        out += struct.pack(">HH", len(current) + 4, 0) + current
    return bytes(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--blksize", type=int, default=6144)
    args = ap.parse_args()
    with open(args.input, "rb") as f:
        data = f.read()
    with open(args.output, "wb") as f:
        f.write(block(read_gnucobol_varseq(data), args.blksize))


if __name__ == "__main__":
    main()
