#!/usr/bin/env python3
"""--trim, --trim-rule, --improved-null-detection, --numeric-policy and --ascii.

Oracles: Python's cp037 and UTF-8/Latin-1/ASCII codecs for the characters, Python's
str.strip family for the trimming (Java's String.trim is "strip every char <= U+0020"),
and the bytes each record was built from for where an error is.
Usage: text_options_test.py BUILD_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish

MFB = None


def convert(args, tmp):
    return subprocess.run([MFB, "convert", "--no-progress"] + args, capture_output=True,
                          text=True, cwd=tmp)


def rows_of(run):
    return [json.loads(line) for line in run.stdout.splitlines()]


def java_blank(c):
    return ord(c) <= 0x20


def trimmed(s, trim, rule):
    blank = java_blank if rule == "java" else (lambda c: c == " ")
    if trim in ("left", "both"):
        while s and blank(s[0]):
            s = s[1:]
    if trim in ("right", "both"):
        while s and blank(s[-1]):
            s = s[:-1]
    return s


def test_trim(tmp):
    cpy = tmp / "t.cpy"
    cpy.write_text("       01  R.\n           05  T  PIC X(10).\n")
    # cp037: leading spaces and a NUL, trailing TAB (05), spaces and NULs.
    texts = [b"\x40\x00\x40\xc1\x40\xc2\x05\x40\x00\x00", b"\x40" * 10, b"\xc1" * 10]
    (tmp / "t.dat").write_bytes(b"".join(texts))
    for trim in ("none", "left", "right", "both"):
        for rule in ("space", "java"):
            run = convert(["--copybook", str(cpy), "--input", "t.dat", "--trim", trim,
                           "--trim-rule", rule], tmp)
            want = [{"T": trimmed(t.decode("cp037"), trim, rule)} for t in texts]
            check(run.returncode == 0 and rows_of(run) == want,
                  f"--trim {trim} --trim-rule {rule}: {rows_of(run)} == {want}")
    run = convert(["--copybook", str(cpy), "--input", "t.dat"], tmp)
    want = [{"T": t.decode("cp037").rstrip(" ")} for t in texts]
    check(rows_of(run) == want, "the default is --trim right --trim-rule space")
    run = convert(["--copybook", str(cpy), "--input", "t.dat", "--keep-trailing-spaces"], tmp)
    check(rows_of(run) == [{"T": t.decode("cp037")} for t in texts],
          "--keep-trailing-spaces is --trim none")
    run = convert(["--copybook", str(cpy), "--input", "t.dat", "--keep-trailing-spaces",
                   "--trim", "both"], tmp)
    check(run.returncode == 1 and "--keep-trailing-spaces" in run.stderr
          and "--trim both" in run.stderr, f"--keep-trailing-spaces with --trim both: {run.stderr}")
    for flag, value in (("--trim", "middle"), ("--trim-rule", "unicode"),
                        ("--numeric-policy", "loose"), ("--trim", "")):
        run = convert(["--copybook", str(cpy), "--input", "t.dat", flag, value], tmp)
        check(run.returncode == 1 and flag in run.stderr, f"{flag} {value!r} is a usage error")


def test_nulls_and_lenient(tmp):
    cpy = tmp / "n.cpy"
    cpy.write_text("       01  R.\n           05  T  PIC X(3).\n           05  Z  PIC S9(3).\n"
                   "           05  E  PIC ZZ9.\n           05  P  PIC S9(3) COMP-3.\n")
    good = "AB ".encode("cp037") + b"\xf1\xf2\xd3" + " 42".encode("cp037") + b"\x12\x3c"
    nuls = b"\x00" * 3 + b"\x00" * 3 + b"\x00" * 3 + b"\x12\x3c"
    spaces = "ABC".encode("cp037") + b"\x40\x00\x40" + " 42".encode("cp037") + b"\x12\x3c"
    badz = "ABC".encode("cp037") + "1X3".encode("cp037") + "4X2".encode("cp037") + b"\x12\x3c"
    badp = "ABC".encode("cp037") + b"\xf1\xf2\xf3" + " 42".encode("cp037") + b"\x1a\x3c"
    (tmp / "n.dat").write_bytes(good + nuls + spaces + badz + badp)
    base = ["--copybook", str(cpy), "--input", "n.dat", "--on-error", "skip"]

    run = convert(base + ["--improved-null-detection"], tmp)
    rows = rows_of(run)
    check(len(rows) >= 3 and rows[1] == {"T": None, "Z": None, "E": None, "P": 123},
          f"all-0x00 DISPLAY fields are null: {rows[1:2]}")
    check(len(rows) >= 3 and rows[2]["Z"] is None and rows[2]["T"] == "ABC",
          f"a zoned field of 0x00 and spaces is null: {rows[2:3]}")
    check(len(rows) == 3, "the bad zoned, edited and packed records are still bad (strict)")
    run = convert(base, tmp)
    rows = rows_of(run)
    check(len(rows) == 1 and rows[0] == {"T": "AB", "Z": -123, "E": 42, "P": 123},
          f"without the flag a NUL number is a bad record: {rows}")

    summary = tmp / "s.json"
    run = convert(base + ["--numeric-policy", "lenient", "--summary-json", str(summary)], tmp)
    rows = rows_of(run)
    check(len(rows) == 4, f"lenient keeps the records with bad DISPLAY numbers: {len(rows)}")
    if len(rows) == 4:
        check(rows[1] == {"T": "\x00\x00\x00", "Z": None, "E": None, "P": 123},
              f"NUL numbers are null under lenient, NUL text stays text: {rows[1]}")
        check(rows[3] == {"T": "ABC", "Z": None, "E": None, "P": 123},
              f"bad zoned and edited are null: {rows[3]}")
    s = json.loads(summary.read_text())
    # nuls: Z and E bad; spaces: Z bad; badz: Z and E bad. badp: packed stays strict.
    check(s["null_numbers"] == 5 and s["records_rejected"] == 1 and s["records_written"] == 4,
          f"summary counts: {s}")
    first = s["null_number_errors"]
    want = {"file": "n.dat", "record": 4, "file_offset": 3 * 11, "field": "R.Z",
            "field_offset": 3, "field_length": 3}
    check(any(all(e.get(k) == v for k, v in want.items()) and e.get("lenient") for e in first),
          f"the summary names file, record, offsets and field: {first}")
    check("warning (written as null): n.dat: record 4 (file offset 33): field R.Z" in run.stderr
          and "bad numbers written as null (--numeric-policy lenient)" in run.stderr,
          f"stderr reports each one and the count: {run.stderr}")


def test_ascii(tmp):
    cpy = tmp / "a.cpy"
    cpy.write_text("       01  R.\n           05  T  PIC X(8).\n           05  N  PIC S9(3).\n")
    texts = [b"Caf\xc3\xa9\x00 x", b"\x80ab\xe2\x82cd ", b"\t tab\x1f  ", b"\xff\xfe\xc0\xaf  zz"]
    nums = [b"042", b"12r", b"-03", b"007"]  # ASCII zoned: r is -2 in the last digit
    assert all(len(t) == 8 for t in texts)
    (tmp / "a.dat").write_bytes(b"".join(t + n for t, n in zip(texts, nums)))
    want_n = [42, -122, None, 7]
    for charset, codec in (("UTF-8", "utf-8"), ("ISO-8859-1", "latin-1"), ("latin1", "latin-1"),
                           ("US-ASCII", "ascii"), ("utf8", "utf-8")):
        args = ["--copybook", str(cpy), "--input", "a.dat", "--ascii", "--on-error", "skip",
                "--trim", "both", "--trim-rule", "java"]
        if charset != "UTF-8":
            args += ["--ascii-charset", charset]
        run = convert(args, tmp)
        want = []
        for t, n in zip(texts, want_n):
            if n is None:
                continue
            kept = bytes(b for b in t if b >= 0x20)
            want.append({"T": trimmed(kept.decode(codec, errors="replace"), "both", "java"), "N": n})
        check(rows_of(run) == want, f"--ascii --ascii-charset {charset}: {rows_of(run)} == {want}")
    run = convert(["--copybook", str(cpy), "--input", "a.dat", "--ascii", "--codepage", "cp037"], tmp)
    check(run.returncode == 1 and "--ascii" in run.stderr and "--codepage" in run.stderr,
          f"--ascii with --codepage is a usage error: {run.stderr}")
    run = convert(["--copybook", str(cpy), "--input", "a.dat", "--ascii-charset", "UTF-8"], tmp)
    check(run.returncode == 1 and "--ascii" in run.stderr, "--ascii-charset needs --ascii")
    run = convert(["--copybook", str(cpy), "--input", "a.dat", "--ascii", "--ascii-charset",
                   "EBCDIC"], tmp)
    check(run.returncode == 1 and "--ascii-charset" in run.stderr, "an unknown charset is refused")


def main():
    global MFB
    MFB = str(Path(sys.argv[1]).resolve() / "mfbridge")
    for test in (test_trim, test_nulls_and_lenient, test_ascii):
        with tempfile.TemporaryDirectory() as tmp:
            test(Path(tmp))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
