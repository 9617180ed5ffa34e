#!/usr/bin/env python3
"""Trimming with a table code page where several bytes read as a space.

Cobrix's test page (tests/data/codepages/cobrix_custom_test.txt) maps 163 bytes to U+0020,
0x00 and 0x40 among them. A text field padded with any of them must lose all of its
trailing blanks, not only those equal to the page's first space byte: the oracle is the
table file itself (each byte's code point read from the file) and Python's str.rstrip(" ").
Usage: table_page_trim_test.py BUILD_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish

ROOT = Path(__file__).resolve().parents[3]
TABLE = ROOT / "tests/data/codepages/cobrix_custom_test.txt"


def table_of(path):
    """The byte -> character map, read from the table file (its own format: XX U+YYYY)."""
    table = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        byte, cp = line.split()
        table[int(byte, 16)] = chr(int(cp[2:], 16))
    return table


def main():
    mfbridge = str(Path(sys.argv[1]) / "mfbridge")
    table = table_of(TABLE)
    blanks = [b for b, c in table.items() if c == " "]
    check(len(blanks) > 2 and 0x00 in blanks and 0x40 in blanks,
          f"the page maps several bytes to a space ({len(blanks)})")
    # 'abc' in the swapped page is C1 C2 C3; padded with 00, 40 and other blank bytes.
    pads = [bytes([0x00, 0x40, 0x00]), bytes([0x40, 0x40, 0x40]), bytes(blanks[-3:]),
            bytes([0x00, 0x00, 0x00])]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cpy = tmp / "t.cpy"
        cpy.write_text("       01  R.\n           05  T  PIC X(6).\n           05  U  PIC X(2).\n")
        data = b"".join(bytes([0xC1, 0xC2, 0xC3]) + pad + bytes([0xC1, 0x00]) for pad in pads)
        (tmp / "in.dat").write_bytes(data)
        run = subprocess.run([mfbridge, "convert", "--no-progress", "--copybook", str(cpy),
                              "--codepage", str(TABLE), "--input", str(tmp / "in.dat")],
                             capture_output=True, text=True)
        check(run.returncode == 0, f"convert exits 0 ({run.stderr.strip()})")
        rows = [json.loads(line) for line in run.stdout.splitlines()]
        expect = []
        for i in range(len(pads)):
            rec = data[i * 8:(i + 1) * 8]
            expect.append({"T": "".join(table[b] for b in rec[:6]).rstrip(" "),
                           "U": "".join(table[b] for b in rec[6:]).rstrip(" ")})
        check(rows == expect, f"every blank byte is trimmed: {rows} == {expect}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
