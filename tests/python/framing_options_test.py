#!/usr/bin/env python3
"""mfbridge.read() takes the framing options of the CLI under their Python names:
record_header, rdw_adjust, min_record_length, max_record_length, bdw_order, bdw_adjust,
keep_partial_last_record, length_map. The bytes are built here
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
        # VB: a little-endian BDW (IBM's word reversed) that counts only its records
        records = b"".join(struct.pack(">HH", len(p) + 4, 0) + p for p in payloads)
        vb = os.path.join(tmp, "vb.bin")
        with open(vb, "wb") as f:
            f.write(struct.pack(">HH", len(records), 0)[::-1] + records)
        df = mfbridge.read(vb, copybook=cpy, allow_trailing_bytes=True, recfm="VB", bdw_order="le", bdw_adjust=4)
        check(list(df["A"]) == ["AA", "BB", "CC"], "bdw_order and bdw_adjust frame the block")
        # F: 2 records of 2 bytes and a cut one of 1 byte, kept and skipped as bad
        f2 = os.path.join(tmp, "f.bin")
        with open(f2, "wb") as f:
            f.write("AABBC".encode("cp037"))
        df = mfbridge.read(f2, copybook=cpy, recfm="F", keep_partial_last_record=True, on_error="skip")
        check(list(df["A"]) == ["AA", "BB"], "keep_partial_last_record: the cut record is bad")
        check(len(df.attrs["mfbridge"]["errors"]) == 1, "and listed as an error")
        # LENGTH-FIELD with a map: the text A gives records of 3 bytes, B of 2
        tcpy = os.path.join(tmp, "t.cpy")
        with open(tcpy, "w") as f:
            f.write("       01  R.\n           05  T PIC X.\n           05  A PIC X.\n")
        lf = os.path.join(tmp, "lf.bin")
        with open(lf, "wb") as f:
            f.write("AXYBZAQR".encode("cp037"))
        df = mfbridge.read(lf, copybook=tcpy, recfm="LENGTH-FIELD", length_field="T", length_map="A=3,B=2",
                           allow_trailing_bytes=True)
        check(list(df["A"]) == ["X", "Z", "Q"], "length_map looks the lengths up")
        try:
            mfbridge.read(rdh, copybook=cpy, record_header="size=5")
            check(False, "a SPEC without length= is refused")
        except mfbridge.UsageError as e:
            check("length=OFFSET:SIZE is required" in str(e), "a SPEC without length= is refused: " + str(e))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
