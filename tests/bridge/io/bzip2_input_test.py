#!/usr/bin/env python3
"""bzip2 input (Cobrix reads .bz2; so must we): a record file compressed by Python's bz2
module (the oracle for the format) converts to the same rows as the plain file; two
concatenated streams read as one (as bunzip2 reads them); a file cut inside a stream, or
with a damaged block, is an error naming the file and the format, never a short success;
splitting a .bz2 is refused (a stream cannot be entered in the middle).
Usage: bzip2_input_test.py BUILD"""
import bz2
import subprocess
import sys
import tempfile
from pathlib import Path

CPY = "       01 R.\n          05 NAME PIC X(6).\n          05 N    PIC 9(4).\n"


def convert(mfb, cpy, data, *extra):
    return subprocess.run([str(mfb), "convert", "--no-progress", str(cpy), "--input", str(data), *extra],
                          capture_output=True, text=True)


def main():
    mfb = Path(sys.argv[1]) / "mfbridge"
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)
            print("FAIL:", what)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cpy = tmp / "r.cpy"
        cpy.write_text(CPY)
        records = [(f"N{i:05d}", i * 7 % 10000) for i in range(3000)]
        plain = b"".join(f"{n:<6}{v:04d}".encode("cp037") for n, v in records)
        expected = "".join(f'{{"NAME":"{n}","N":{v}}}\n' for n, v in records)
        (tmp / "p.dat").write_bytes(plain)
        (tmp / "p.dat.bz2").write_bytes(bz2.compress(plain))
        got = convert(mfb, cpy, tmp / "p.dat.bz2")
        check(got.returncode == 0, f"bz2: exit {got.returncode}: {got.stderr}")
        check(got.stdout == expected, "bz2: rows differ from the records written")
        half = len(plain) // 2 // 10 * 10
        (tmp / "two.bz2").write_bytes(bz2.compress(plain[:half]) + bz2.compress(plain[half:]))
        got = convert(mfb, cpy, tmp / "two.bz2")
        check(got.returncode == 0 and got.stdout == expected, f"concatenated streams: {got.returncode} {got.stderr}")
        whole = bz2.compress(plain)
        (tmp / "cut.bz2").write_bytes(whole[: len(whole) // 2])
        got = convert(mfb, cpy, tmp / "cut.bz2")
        check(got.returncode != 0, "a cut bzip2 file must fail")
        check("cut.bz2" in got.stderr and "bzip2" in got.stderr, f"cut: {got.stderr!r}")
        damaged = bytearray(whole)
        damaged[len(damaged) // 2] ^= 0xFF
        (tmp / "bad.bz2").write_bytes(bytes(damaged))
        got = convert(mfb, cpy, tmp / "bad.bz2")
        check(got.returncode != 0 and "bzip2" in got.stderr, f"damaged: {got.returncode} {got.stderr!r}")
        got = convert(mfb, cpy, tmp / "p.dat.bz2", "--split", "1/2")
        check(got.returncode != 0 and "bzip2-compressed" in got.stderr, f"split: {got.stderr!r}")
    print(f"{len(failures)} failures" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
