#!/usr/bin/env python3
"""--cobrix on convert/encode: the copybook extensions parse; numbers past IBM's limits
(zoned and packed of 32-38 digits, binaries of 9-16 bytes) are decoded exactly (the
expected values are Python's integers of the bytes written), and what cannot be held (an
unsigned 16-byte binary at or above 2^127, an encode of such numbers) is an error, never a
wrong value. Usage: cobrix_flag_test.py BUILD"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CPY = ("       01  R.\n"
       "           05  A  PIC 9(37).\n"
       "           05  B  PIC 9(20) COMP.\n"
       "           05  C  PIC S9(38) COMP-3.\n"
       "           05  D  PIC S9(30)V9(7) BINARY.\n"
       "           05  E  PIC 9(37) COMP-5.\n")
A = 1234567890123456789012345678901234567
B = 12345678901234567890
C = -98765432109876543210987654321098765432
D = -1234567890123456789012345678901234567  # unscaled: the value is D / 10**7
E = 2**127 - 1


def packed(value, digits):
    """IBM packed decimal: the digits, then the sign nibble (C positive, D negative)."""
    text = str(abs(value)).rjust(digits + 1 if digits % 2 == 0 else digits, "0")
    nibbles = text + ("D" if value < 0 else "C")
    return bytes.fromhex(nibbles)


def scaled(unscaled, scale):
    """The decimal text of unscaled / 10**scale, every scale digit kept."""
    digits = str(abs(unscaled)).rjust(scale + 1, "0")
    return ("-" if unscaled < 0 else "") + digits[:-scale] + "." + digits[-scale:]


def record(e=E):
    return ("%037d" % A).encode("cp037") + B.to_bytes(9, "big") + packed(C, 38) \
        + D.to_bytes(16, "big", signed=True) + e.to_bytes(16, "big")


LIMITS_CPY = ("       01  T.\n"
              "           05  N  PIC 9(8) COMP.\n"
              "           05  L  PIC 9(18) COMP.\n"
              "           05  S  PIC S9(8) COMP.\n")


def check_binary_limits(mfbridge, tmp):
    """Cobrix's Spark types: unsigned 4 bytes past 2^31 - 1 or 8 bytes past 2^63 - 1 do not
    fit int / long. Under --cobrix that is a field error; IBM (--trunc bin) reads them."""
    cpy, data = Path(tmp) / "t.cpy", Path(tmp) / "t.bin"
    cpy.write_text(LIMITS_CPY)
    over = (3_000_000_000, 2**63, -5)
    edge = (2**31 - 1, 2**63 - 1, -2**31)
    rec = lambda n, l, s: (n.to_bytes(4, "big") + l.to_bytes(8, "big")
                           + s.to_bytes(4, "big", signed=True))
    data.write_bytes(rec(*over) + rec(*edge))
    base = [str(mfbridge), "convert", "--no-progress", "--copybook", str(cpy), "--input",
            str(data), "--trunc", "bin", "--on-error", "skip"]
    ibm = subprocess.run(base, capture_output=True, text=True)
    rows = [json.loads(x) for x in ibm.stdout.splitlines()]
    assert rows == [dict(zip("NLS", over)), dict(zip("NLS", edge))], (rows, ibm.stderr)
    cobrix = subprocess.run(base + ["--cobrix"], capture_output=True, text=True)
    rows = [json.loads(x) for x in cobrix.stdout.splitlines()]
    assert rows == [dict(zip("NLS", edge))], (rows, cobrix.stderr)
    assert "record 1" in cobrix.stderr and "T.N at offset 0" in cobrix.stderr \
        and "T.L at offset 4" in cobrix.stderr, cobrix.stderr


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    with tempfile.TemporaryDirectory() as tmp:
        cpy, data = Path(tmp) / "c.cpy", Path(tmp) / "d.bin"
        cpy.write_text(CPY)
        # 37 EBCDIC digits (Python's cp037 codec), B in 9 bytes, C packed in 20, D and E in
        # 16 (D two's complement); the second record's E is 2^127, which no int128 holds.
        data.write_bytes(record() + record(2**127))
        base = [str(mfbridge), "convert", "--no-progress", "--copybook", str(cpy),
                "--input", str(data)]
        plain = subprocess.run(base, capture_output=True, text=True)
        assert plain.returncode != 0 and "37 digits" in plain.stderr, plain.stderr
        ext = subprocess.run(base + ["--cobrix", "--on-error", "skip"], capture_output=True,
                             text=True)
        assert ext.returncode == 0, ext.stderr
        rows = ext.stdout.splitlines()
        assert len(rows) == 1, ext.stdout  # the second record is refused, never wrapped
        got = json.loads(rows[0], parse_int=str, parse_float=str)
        want = {"A": str(A), "B": str(B), "C": str(C),
                "D": scaled(D, 7), "E": str(E)}
        assert got == want, (got, want)
        assert "record 2" in ext.stderr and "R.E at offset 82" in ext.stderr, ext.stderr
        enc = subprocess.run([str(mfbridge), "encode", "--copybook", str(cpy), "--cobrix"],
                             input='{"A":"1","B":1}\n', capture_output=True, text=True)
        assert enc.returncode != 0 and "R.A" in enc.stderr, enc.stderr
        check_binary_limits(mfbridge, tmp)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
