#!/usr/bin/env python3
"""The built-in Latin-1 page (--codepage latin1 / iso-8859-1 / ascii) against Python's codecs.

1. `mfbridge codepages --table NAME --format json` equals Python's latin-1 codec for every
   byte, under each accepted name (CCSID 819).
2. convert of ASCII records (text through latin-1, --zoned ascii digits) gives the values
   Python decodes from the same bytes; encode gives the bytes back exactly.
3. A character Latin-1 cannot hold (Python's latin-1 encoder refuses it) is an encode error.
Usage: latin1_page_test.py BUILD_DIR
"""
import json
import subprocess
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish


def main():
    mfbridge = str(Path(sys.argv[1]) / "mfbridge")
    oracle = [ord(bytes([b]).decode("latin-1")) for b in range(256)]
    for name in ("latin1", "ISO-8859-1", "ascii", "cp819"):
        out = subprocess.run([mfbridge, "codepages", "--table", name, "--format", "json"],
                             capture_output=True, text=True)
        check(out.returncode == 0, f"codepages --table {name} exits 0")
        if out.returncode == 0:
            t = json.loads(out.stdout)
            check(t["table"] == oracle, f"{name}: all 256 bytes equal Python's latin-1 codec")
            check(t["name"] == "latin1" and t["ccsid"] == 819, f"{name}: opens latin1, CCSID 819")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cpy = tmp / "a.cpy"
        cpy.write_text("       01  AREC.\n"
                       "           05  NAME     PIC X(12).\n"
                       "           05  QTY      PIC S9(5).\n"
                       "           05  CODE     PIC X(3).\n")
        # ASCII zoned: digits 30-39; the last digit of a negative overpunched number is
        # p-y (70-79 in ASCII, the GnuCOBOL/MF convention --zoned ascii reads).
        texts = [("Caf\xe9 cr\xe8me", "00042", "A,\""), ("plain ascii", "0012r", "x\\y")]
        data = b""
        for name, qty, code in texts:
            data += name.ljust(12).encode("latin-1") + qty.encode("ascii") + code.encode("latin-1")
        (tmp / "in.dat").write_bytes(data)
        base = ["--copybook", str(cpy), "--codepage", "latin1", "--zoned", "ascii"]
        conv = subprocess.run([mfbridge, "convert", "--no-progress", "--input", str(tmp / "in.dat"),
                               "--output", str(tmp / "out.jsonl")] + base,
                              capture_output=True, text=True)
        check(conv.returncode == 0, f"convert --codepage latin1 exits 0 ({conv.stderr.strip()})")
        rows = [json.loads(l) for l in (tmp / "out.jsonl").read_text(encoding="utf-8").splitlines()]
        expect = [{"NAME": data[i * 20:i * 20 + 12].decode("latin-1").rstrip(" "),
                   "QTY": q, "CODE": data[i * 20 + 17:i * 20 + 20].decode("latin-1")}
                  for i, q in enumerate([42, -122])]
        check(rows == expect, f"values equal Python's latin-1 decoding: {rows}")
        enc = subprocess.run([mfbridge, "encode", "--input", str(tmp / "out.jsonl"),
                              "--output", str(tmp / "back.dat")] + base,
                             capture_output=True, text=True)
        check(enc.returncode == 0 and (tmp / "back.dat").read_bytes() == data,
              "encode --codepage latin1 gives the input bytes back")

        # U+20AC is not in Latin-1: Python refuses it, so must we.
        try:
            "\u20ac".encode("latin-1")
            check(False, "Python's oracle refuses U+20AC in latin-1")
        except UnicodeEncodeError:
            pass
        (tmp / "euro.jsonl").write_text('{"NAME":"\u20ac","QTY":1,"CODE":"A"}\n', encoding="utf-8")
        bad = subprocess.run([mfbridge, "encode", "--input", str(tmp / "euro.jsonl"),
                              "--output", str(tmp / "euro.dat")] + base,
                             capture_output=True, text=True)
        first = bad.stderr.splitlines()[0] if bad.stderr else ""
        check(bad.returncode == 2, f"encode of U+20AC exits 2 (got {bad.returncode})")
        check(first.startswith(f"{tmp / 'euro.jsonl'}:1: AREC.NAME: "),
              f"the error names the line and field: {first}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
