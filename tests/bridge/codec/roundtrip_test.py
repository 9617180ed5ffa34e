#!/usr/bin/env python3
"""Write-back oracle and round-trip tests for `mfbridge encode` and `mfbridge inspect`.

1. GnuCOBOL (`cobc -std=ibm`) WRITEs records with every USAGE; the JSON input is written
   here from the values the program MOVEd (not from our converter). GnuCOBOL writes DISPLAY
   data in ASCII and COMP-5 little-endian, so the expected EBCDIC record is derived from its
   bytes with IBM's rules: text through Python's cp037 codec; zoned digits 3x -> Fx, ASCII
   negative overpunch 7x -> Dx, positive overpunch -> Cx (IBM's preferred sign), separate
   '+'/'-' -> 4E/60; COMP-5 byte-reversed to z/OS order; packed and COMP unchanged.
2. Round trip: `convert` then `encode` gives back the input bytes (F, V, VB, ODO).
3. Every field error kind is reported, all of them, with the input line number.
4. `inspect` names a bad packed field and its bad nibble.
Usage: roundtrip_test.py BUILD_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = os.path.join(ROOT, "tests", "data", "roundtrip")
FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True)


# (offset, length, kind) of mixed.cpy, worked out by hand from the PICTUREs.
MIXED_FIELDS = [
    (0, 10, "text"), (10, 5, "zoned"), (15, 5, "zoned_trail"), (20, 3, "zoned_lead"),
    (23, 4, "zoned"), (27, 5, "zoned"), (32, 5, "raw"), (37, 3, "raw"), (40, 2, "raw"),
    (42, 4, "raw"), (46, 4, "swap"),
    (50, 2, "text"), (52, 2, "raw"), (54, 2, "text"), (56, 2, "raw"), (58, 2, "text"), (60, 2, "raw"),
]
MIXED_LRECL = 62
MIXED_JSON = [
    {"M-NAME": "ALPHA", "M-UNS": 12345, "M-TRAIL": -1234, "M-LEAD": -12, "M-LSEP": 7,
     "M-TSEP": -45.6, "M-PACK": -1234567.89, "M-UPACK": 42, "M-BIN": -300, "M-BIN4": 12345.67,
     "M-C5": -123456789,
     "M-TAB": [{"M-CODE": "AA", "M-AMT": 1}, {"M-CODE": "BB", "M-AMT": -22},
               {"M-CODE": "CC", "M-AMT": 333}]},
    {"M-NAME": "Z Y", "M-UNS": 0, "M-TRAIL": 99999, "M-LEAD": 5, "M-LSEP": -999,
     "M-TSEP": "0.1", "M-PACK": 0, "M-UPACK": 9999, "M-BIN": 9999, "M-BIN4": -0.01, "M-C5": 1,
     "M-TAB": [{"M-CODE": "X", "M-AMT": -999}, {"M-CODE": "", "M-AMT": 0},
               {"M-CODE": "QQ", "M-AMT": 999}]},
]


def zoned_to_ebcdic(b, overpunch_at):
    out = bytearray()
    for i, c in enumerate(b):
        if 0x30 <= c <= 0x39:
            out.append(0xC0 | (c & 15) if i == overpunch_at else 0xF0 | (c & 15))
        elif 0x70 <= c <= 0x79:
            out.append(0xD0 | (c & 15))
        elif c == 0x2B:
            out.append(0x4E)
        elif c == 0x2D:
            out.append(0x60)
        else:
            raise ValueError("unexpected zoned byte %02X" % c)
    return bytes(out)


def to_ebcdic(rec):
    out = bytearray()
    for off, length, kind in MIXED_FIELDS:
        b = rec[off:off + length]
        if kind == "text":
            out += b.decode("ascii").encode("cp037")
        elif kind == "zoned":
            out += zoned_to_ebcdic(b, -1)
        elif kind == "zoned_trail":
            out += zoned_to_ebcdic(b, length - 1)
        elif kind == "zoned_lead":
            out += zoned_to_ebcdic(b, 0)
        elif kind == "swap":
            out += b[::-1]
        else:
            out += b
    return bytes(out)


def gnucobol_oracle(mfb, tmp):
    if not shutil.which("cobc"):
        print("skip GnuCOBOL oracle: cobc not found")
        return None
    for f in ("mixed.cbl", "mixed.cpy"):
        shutil.copy(os.path.join(DATA, f), tmp)
    r = subprocess.run(["cobc", "-std=ibm", "-x", "-I", tmp, "-o", "mixedw", "mixed.cbl"],
                       cwd=tmp, capture_output=True)
    check(r.returncode == 0, "cobc compiles mixed.cbl " + r.stderr.decode()[:300])
    subprocess.run(["./mixedw"], cwd=tmp, check=True)
    raw = open(os.path.join(tmp, "mixed.dat"), "rb").read()
    check(len(raw) == 2 * MIXED_LRECL, "GnuCOBOL wrote two %d-byte records" % MIXED_LRECL)
    expected = b"".join(to_ebcdic(raw[i:i + MIXED_LRECL]) for i in range(0, len(raw), MIXED_LRECL))
    lines = "".join(json.dumps(j) + "\n" for j in MIXED_JSON).encode()
    r = run([mfb, "encode", "--copybook", os.path.join(DATA, "mixed.cpy"), "--output", "-"], lines)
    check(r.returncode == 0, "encode mixed records exits 0 " + r.stderr.decode())
    check(r.stdout == expected, "encode matches GnuCOBOL's records (EBCDIC form)")
    if r.stdout != expected:
        print("  got     " + r.stdout.hex())
        print("  expected" + expected.hex())
    return expected


def roundtrip(mfb, tmp, copybook, data, framing, what):
    path = os.path.join(tmp, "rt.bin")
    open(path, "wb").write(data)
    c = run([mfb, "convert", "--copybook", copybook, "--input", path, "--no-progress"] + framing)
    check(c.returncode == 0, what + ": convert exits 0 " + c.stderr.decode()[:300])
    e = run([mfb, "encode", "--copybook", copybook, "--output", "-"] + framing, c.stdout)
    check(e.returncode == 0, what + ": encode exits 0 " + e.stderr.decode()[:300])
    check(e.stdout == data, what + ": convert then encode gives the input bytes")


def error_kinds(mfb):
    cpy = os.path.join(DATA, "mixed.cpy")
    good = dict(MIXED_JSON[0])
    bad = dict(good)
    bad.update({"M-NAME": "ELEVEN CHARS", "M-UNS": -1, "M-TRAIL": 123456, "M-TSEP": 1.25,
                "M-PACK": "abc", "M-UPACK": "€", "M-BIN": 10000, "NO-SUCH": 1})
    del bad["M-LEAD"]
    bad["M-TAB"] = [{"M-CODE": "€€", "M-AMT": 1}, {"M-CODE": "BB", "M-AMT": 1}]
    text = (json.dumps(good) + "\n" + json.dumps(bad) + "\n").encode()
    r = run([mfb, "encode", "--copybook", cpy, "--output", os.devnull], text)
    err = r.stderr.decode()
    check(r.returncode == 2, "bad line: exit code 2 (got %d)" % r.returncode)
    for path, reason in [
        ("MIXED-REC.M-NAME", "text too long"),
        ("MIXED-REC.M-UNS", "negative value in an unsigned field"),
        ("MIXED-REC.M-TRAIL", "too many digits"),
        ("MIXED-REC.M-TSEP", "more fraction digits than the field's scale (1)"),
        ("MIXED-REC.M-PACK", "not a number"),
        ("MIXED-REC.M-UPACK", "not a number"),
        ("MIXED-REC.M-BIN", "too many digits"),
        ("MIXED-REC.M-LEAD", "missing field"),
        ("MIXED-REC.NO-SUCH", "unknown key"),
        ("MIXED-REC.M-TAB", "expected 3 elements, got 2"),
        # The character the page lacks, by Python's codec, and where it is in the value.
        ("MIXED-REC.M-TAB.M-CODE(1)", '"\u20ac" (U+%04X, character 1 of the value) is not in '
         "code page cp037" % ord("\u20ac")),
    ]:
        check(any(l.startswith("<stdin>:2: " + path + ": " + reason) for l in err.splitlines()),
              "error on line 2: %s: %s" % (path, reason))
    # 88 levels only with --check-88 (ORD-KIND has none; use a small copybook).
    c88 = os.path.join(DATA, "cond88.cpy")
    r = run([mfb, "encode", "--copybook", c88, "--output", os.devnull, "--check-88"],
            b'{"C-CODE": "Q", "C-NUM": 50}\n')
    check(r.returncode == 2 and "C-CODE: not one of the field's 88-level values" in r.stderr.decode(),
          "--check-88 refuses a value outside the 88 levels")
    check("C-NUM" not in r.stderr.decode(), "--check-88 accepts a value inside a THRU range")
    r = run([mfb, "encode", "--copybook", c88, "--output", os.devnull],
            b'{"C-CODE": "Q", "C-NUM": 50}\n')
    check(r.returncode == 0, "88 levels are not checked without --check-88")


def odo_lengths(mfb, tmp):
    cpy = os.path.join(DATA, "odo.cpy")
    lines = open(os.path.join(DATA, "odo.jsonl"), "rb").read()
    v = run([mfb, "encode", "--copybook", cpy, "--recfm", "V", "--output", "-"], lines).stdout
    lens = []
    i = 0
    while i < len(v):
        n = int.from_bytes(v[i:i + 2], "big")
        lens.append(n - 4)
        i += n
    # 17 fixed bytes + 11 per element: 2, 5 and 1 elements.
    check(lens == [17 + 22, 17 + 55, 17 + 11], "V records have their ODO lengths %s" % lens)
    fb = run([mfb, "encode", "--copybook", cpy, "--output", "-"], lines).stdout
    check(len(fb) == 3 * 72, "F records keep the full length with ODO")
    # The absent ORD-N of line 3 gets its table's length: 01 in zoned EBCDIC.
    check(fb[2 * 72 + 15:2 * 72 + 17] == b"\xf0\xf1", "an absent ODO count takes the array length")
    return v, fb


def inspect_bad_packed(mfb, tmp, mixed):
    bad = bytearray(mixed[:MIXED_LRECL])
    bad[33] = 0x3A  # M-PACK's second byte: low nibble A where a digit belongs
    path = os.path.join(tmp, "bad.bin")
    open(path, "wb").write(bytes(bad))
    r = run([mfb, "inspect", "--copybook", os.path.join(DATA, "mixed.cpy"), "--input", path,
             "--record-number", "1"])
    out = r.stdout.decode()
    line = [l for l in out.splitlines() if l.startswith("MIXED-REC.M-PACK ")]
    check(r.returncode == 2, "inspect exits 2 when a field is bad")
    check(len(line) == 1 and "!!" in line[0] and "low nibble A" in line[0]
          and "record offset 33" in line[0], "inspect names M-PACK and its bad nibble")
    good = [l for l in out.splitlines() if l.startswith("MIXED-REC.M-BIN4 ")]
    check(len(good) == 1 and " 12345.67 " in good[0], "inspect still decodes the other fields")
    check("00000000  C1 D3 D7 C8 C1 40" in out, "inspect shows the hex dump")


def main():
    build = sys.argv[1]
    mfb = os.path.join(build, "mfbridge")
    with tempfile.TemporaryDirectory() as tmp:
        mixed = gnucobol_oracle(mfb, tmp)
        if mixed is None:
            lines = "".join(json.dumps(j) + "\n" for j in MIXED_JSON).encode()
            mixed = run([mfb, "encode", "--copybook", os.path.join(DATA, "mixed.cpy")], lines).stdout
        cpy = os.path.join(DATA, "mixed.cpy")
        roundtrip(mfb, tmp, cpy, mixed, [], "mixed FB")
        roundtrip(mfb, tmp, cpy, mixed, ["--recfm", "F"], "mixed F")
        v, fb = odo_lengths(mfb, tmp)
        odo = os.path.join(DATA, "odo.cpy")
        roundtrip(mfb, tmp, odo, v, ["--recfm", "V"], "ODO V")
        vb = run([mfb, "encode", "--copybook", odo, "--recfm", "VB", "--output", "-"],
                 open(os.path.join(DATA, "odo.jsonl"), "rb").read()).stdout
        roundtrip(mfb, tmp, odo, vb, ["--recfm", "VB"], "ODO VB")
        error_kinds(mfb)
        inspect_bad_packed(mfb, tmp, mixed)
    if FAILURES:
        print("%d failure(s)" % len(FAILURES))
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
