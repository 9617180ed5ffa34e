#!/usr/bin/env python3
"""mfbridge.read() takes the framing options of the CLI under their Python names:
record_header, rdw_adjust, min_record_length, max_record_length. The bytes are built here
with struct from the header's definition (a validity byte, then a big-endian length of the
data that follows) and cp037 text through Python's codec.

Usage: framing_options_test.py BUILD_DIR  (run from the repository root)
"""

import os
import struct
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
from script_checks import check, finish  # noqa: E402


def main():
    payloads = [t.encode("cp037") for t in ("AA1111", "BB", "CC33333333")]
    with tempfile.TemporaryDirectory() as tmp:
        cpy = os.path.join(tmp, "a.cpy")
        with open(cpy, "w") as f:
            f.write("       01  R.\n           05  A PIC X(2).\n")
        rdh = os.path.join(tmp, "rdh.bin")
        with open(rdh, "wb") as f:
            f.write(b"".join(b"\x01" + struct.pack(">H", len(p)) + b"\0\0" + p for p in payloads))
        df = mfbridge.read(rdh, copybook=cpy, allow_trailing_bytes=True,
                           record_header="size=5,length=1:2,valid=0:1")
        check(list(df["A"]) == ["AA", "BB", "CC"], "record_header frames the three records")
        df = mfbridge.read(rdh, copybook=cpy, allow_trailing_bytes=True, on_error="skip",
                           record_header="size=5,length=1:2", min_record_length=3, max_record_length=8)
        check(list(df["A"]) == ["AA"], "min/max_record_length leave the 2- and 10-byte records out")
        check(len(df.attrs["mfbridge"]["errors"]) == 2, "and list both as errors")
        v = os.path.join(tmp, "v.bin")
        with open(v, "wb") as f:
            f.write(b"".join(struct.pack(">HH", len(p), 0) + p for p in payloads))
        df = mfbridge.read(v, copybook=cpy, allow_trailing_bytes=True, recfm="V", rdw_adjust=4)
        check(list(df["A"]) == ["AA", "BB", "CC"], "rdw_adjust=4 turns data-only RDWs into IBM's")
        try:
            mfbridge.read(rdh, copybook=cpy, record_header="size=5")
            check(False, "a SPEC without length= is refused")
        except mfbridge.UsageError as e:
            check("length=OFFSET:SIZE is required" in str(e), "a SPEC without length= is refused: " + str(e))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
