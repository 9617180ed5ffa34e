#!/usr/bin/env python3
"""The framing flags behind Cobrix's record_length_map, is_xcom (its older name for record_format V),
bdw_adjustment, is_bdw_big_endian and debug_ignore_file_size: --length-map, --record-header xcom,
--bdw-order, --bdw-adjust and --keep-partial-last-record, each also reached through its
Cobrix option. The input bytes are built here from the formats' definitions (IBM's BDW
counting itself, its extended form with bit 0 set; RDW LL LL 00 00; an XCOM header of 2 flag
bytes and a big-endian length) with struct, and text through Python's cp037 codec; the
expected rows are the Python values those bytes were built from. Hostile input: lengths past
the end of the file, zero and negative lengths after adjustment, a BDW smaller than its
RDWs, a value missing from the map, huge lengths (the run must stay small), truncated
headers. Usage: convert_framing_map_test.py BUILD"""
import json
import resource
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def e(s):
    return s.encode("cp037")


def run(mfbridge, *args):
    return subprocess.run([str(mfbridge), *map(str, args)], capture_output=True, text=True)


def rows(proc, what):
    check(proc.returncode == 0, f"{what}: exit {proc.returncode}: {proc.stderr}")
    return [json.loads(l) for l in proc.stdout.splitlines()] if proc.returncode == 0 else []


def fails(proc, code, what, *words):
    check(proc.returncode == code, f"{what}: exit {proc.returncode}, expected {code}: {proc.stderr}")
    for w in words:
        check(w in proc.stderr, f"{what}: {w!r} not in {proc.stderr!r}")


# Typed records: T says which; A records are 6 bytes (T, A), B records 12 (T, A and 6 more
# bytes, passed over with --allow-trailing-bytes: the next record's A shows where B ended).
TYPED = [("A", "abcd", None), ("B", "wxyz", "123456"), ("A", "efgh", None)]


def typed_bytes(kind_text):
    out = b""
    for t, a, b in TYPED:
        out += kind_text(t) + e(a) + (e(b) if b else b"")
    return out


def check_length_map(mfb, tmp):
    cpy = tmp / "typed.cpy"
    cpy.write_text("       01  R.\n           05  T PIC X(2).\n           05  A PIC X(4).\n")
    data = tmp / "typed.bin"
    # "A" then a NUL: Java's String.trim removes it, so the value is "A"
    data.write_bytes(typed_bytes(lambda t: e(t) + (b"\x00" if t == "A" else e(" "))))
    base = ["convert", "--no-progress", "--allow-trailing-bytes", cpy, "--input", data, "--recfm",
            "LENGTH-FIELD", "--length-field", "T"]
    want = [a for _, a, _ in TYPED]
    got = rows(run(mfb, *base, "--length-map", "A=6,B=12"), "text map")
    check([r.get("A") for r in got] == want, f"text map: {got}")
    # the same through Cobrix's options, verbatim (JSON map)
    cob = rows(run(mfb, "convert", "--no-progress", "--allow-trailing-bytes", cpy, "--input", data,
                   "--cobrix-option", "record_length_field=T",
                   "--cobrix-option", 'record_length_map={"A":6,"B":"12"}'), "cobrix record_length_map")
    check([r.get("A") for r in cob] == want, f"cobrix map: {cob}")
    # rdw_adjustment / --length-adjust add to the mapped length
    got = rows(run(mfb, *base, "--length-map", "A=4,B=10", "--length-adjust", "2"), "map + adjust")
    check([r.get("A") for r in got] == want, f"map + adjust: {got}")
    # a numeric field: zoned PIC 9(2) holding 6 or 12 looks up "6" and "12"
    ncpy = tmp / "num.cpy"
    ncpy.write_text("       01  R.\n           05  N PIC 9(2).\n           05  A PIC X(4).\n")
    ndata = tmp / "num.bin"
    ndata.write_bytes(typed_bytes(lambda t: e("06" if t == "A" else "12")))
    got = rows(run(mfb, "convert", "--no-progress", "--allow-trailing-bytes", ncpy, "--input", ndata, "--recfm", "LENGTH-FIELD",
                   "--length-field", "N", "--length-map", "6=6,12=12"), "numeric map")
    check([r.get("A") for r in got] == want, f"numeric map: {got}")
    # a binary one (COMP, big-endian)
    bcpy = tmp / "bin.cpy"
    bcpy.write_text("       01  R.\n           05  N PIC 9(4) COMP.\n           05  A PIC X(4).\n")
    bdata = tmp / "bin.bin"
    bdata.write_bytes(typed_bytes(lambda t: struct.pack(">H", 1 if t == "A" else 2)))
    got = rows(run(mfb, "convert", "--no-progress", "--allow-trailing-bytes", bcpy, "--input", bdata, "--recfm", "LENGTH-FIELD",
                   "--length-field", "N", "--length-map", "1=6,2=12"), "binary map")
    check([r.get("A") for r in got] == want, f"binary map: {got}")

    # a value the map lacks: a framing error naming file, record, offset, field and value;
    # the records before it are written
    p = run(mfb, *base, "--length-map", "A=6")
    fails(p, 2, "missing value", "typed.bin", "record 2 at offset 6", "length field R.T", "'B'",
          "does not list", "reading stops")
    check(len(p.stdout.splitlines()) == 1, f"missing value: the first record is written: {p.stdout!r}")
    # zero and negative lengths after the adjustment
    fails(run(mfb, *base, "--length-map", "A=6,B=12", "--length-adjust", "-6"), 2, "zero length",
          "record 1 at offset 0", "record length of 0", "does not cover the length field")
    fails(run(mfb, *base, "--length-map", "A=6,B=12", "--length-adjust", "-9"), 2, "negative length",
          "record length of -3")
    # a length that runs past the end of the file
    fails(run(mfb, *base, "--length-map", "A=6,B=40"), 2, "past the end", "record 2 at offset 6", "truncated")
    # a huge length: the read fails at the end of the (small) file, without a huge buffer
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    fails(run(mfb, *base, "--length-map", "A=6,B=2147483648"), 2, "huge length", "truncated")
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    check(after < 200 * 1024 or after == before, f"huge length: the run grew to {after} KiB")
    # a record cut inside its length field
    cut = tmp / "cut.bin"
    cut.write_bytes(data.read_bytes()[:6] + e("B"))
    p = run(mfb, "convert", "--no-progress", cpy, "--input", cut, "--recfm", "LENGTH-FIELD",
            "--length-field", "T", "--length-map", "A=6,B=12")
    fails(p, 2, "cut length field", "record 2 at offset 6", "truncated")
    # usage errors (exit 1)
    for wrong, says in (("A=6,B", "expected VALUE=LENGTH"), ("A=0", "LENGTH of 1 to 2^31"),
                        ("A=x", "LENGTH of 1"), ("A=6,A=7", "given twice")):
        fails(run(mfb, *base, "--length-map", wrong), 1, f"--length-map {wrong}", says)
    fails(run(mfb, "convert", cpy, "--input", data, "--length-map", "A=6"), 1, "map without field",
          "--length-map needs --recfm LENGTH-FIELD")
    gcpy = tmp / "group.cpy"
    gcpy.write_text("       01  R.\n           05  G.\n             10  T PIC X(2).\n           05  A PIC X(4).\n")
    fails(run(mfb, "convert", gcpy, "--input", data, "--recfm", "LENGTH-FIELD", "--length-field", "G",
              "--length-map", "A=6"), 1, "group field", "must be text")
    fails(run(mfb, "convert", cpy, "--input", data, "--cobrix-option", "record_length_field=T",
              "--cobrix-option", 'record_length_map={"A":"six"}'), 1, "cobrix bad map", "whole number")
    fails(run(mfb, "convert", cpy, "--input", data, "--cobrix-option", "record_length_field=T",
              "--cobrix-option", "record_length_map=[1,2]"), 1, "cobrix map not an object", "JSON object")


def check_xcom(mfb, tmp):
    cpy = tmp / "a.cpy"
    cpy.write_text("       01  R.\n           05  A PIC X(2).\n")
    payloads = [e("AA1111"), e("BB"), e("CC33333333")]
    data = tmp / "xcom.bin"
    data.write_bytes(b"".join(b"\x01\x00" + struct.pack(">H", len(p)) + p for p in payloads))
    base = ["convert", "--no-progress", "--allow-trailing-bytes", cpy, "--input", data]
    got = rows(run(mfb, *base, "--record-header", "xcom"), "xcom")
    check([r["A"] for r in got] == ["AA", "BB", "CC"], f"xcom: {got}")
    # Cobrix's is_xcom=true is record_format V: its RDW reader takes the length from bytes 3-4,
    # little-endian by default, big-endian from bytes 1-2 with is_rdw_big_endian.
    le = tmp / "xcom_le.bin"
    le.write_bytes(b"".join(b"\x00\x00" + struct.pack("<H", len(p)) + p for p in payloads))
    cob = rows(run(mfb, *base[:-1], le, "--cobrix-option", "is_xcom=true"), "is_xcom")
    check([r["A"] for r in cob] == ["AA", "BB", "CC"], f"is_xcom (little-endian RDWs): {cob}")
    be = tmp / "xcom_be.bin"
    be.write_bytes(b"".join(struct.pack(">H", len(p)) + b"\x00\x00" + p for p in payloads))
    cob = rows(run(mfb, *base[:-1], be, "--cobrix-option", "is_xcom=true", "--cobrix-option",
                   "is_rdw_big_endian=true"), "is_xcom big-endian")
    check([r["A"] for r in cob] == ["AA", "BB", "CC"], f"is_xcom with is_rdw_big_endian: {cob}")
    # a length past the end, and a header cut short
    bad = tmp / "xcom_bad.bin"
    bad.write_bytes(data.read_bytes() + b"\x01\x00" + struct.pack(">H", 500) + e("DD"))
    fails(run(mfb, *base[:-1], bad, "--record-header", "xcom"), 2, "xcom past end", "record 4 at offset 30",
          "truncated")
    bad.write_bytes(data.read_bytes() + b"\x01\x00\x00")
    fails(run(mfb, *base[:-1], bad, "--record-header", "xcom"), 2, "xcom cut header", "record 4 at offset 30",
          "truncated record header")
    # a zero length: an empty record, which the layout (2 bytes) does not fit
    bad.write_bytes(b"\x01\x00\x00\x00" + data.read_bytes())
    fails(run(mfb, *base[:-1], bad, "--record-header", "xcom"), 2, "xcom zero length", "record 1",
          "record too short")


def rdw(body):
    return struct.pack(">HH", len(body) + 4, 0) + body


def rdw_le(body):
    return struct.pack(">HH", len(body) + 4, 0)[::-1] + body


PAYLOADS = [e("AA1111"), e("BB"), e("CC33333333")]


def check_bdw(mfb, tmp):
    cpy = tmp / "a.cpy"
    base = ["convert", "--no-progress", "--allow-trailing-bytes", cpy, "--input"]
    want = ["AA", "BB", "CC"]
    be_records = b"".join(rdw(p) for p in PAYLOADS)
    le_records = b"".join(rdw_le(p) for p in PAYLOADS)
    cases = [
        # (name, bytes, flags)
        ("le BDW, be RDWs", struct.pack(">HH", len(be_records) + 4, 0)[::-1] + be_records, ["--bdw-order", "le"]),
        ("be BDW, le RDWs", struct.pack(">HH", len(le_records) + 4, 0) + le_records,
         ["--rdw-little-endian", "--bdw-order", "be"]),
        ("BDW without itself", struct.pack(">HH", len(be_records), 0) + be_records, ["--bdw-adjust", "4"]),
        ("BDW 10 too long", struct.pack(">HH", len(be_records) + 14, 0) + be_records, ["--bdw-adjust", "-10"]),
        ("extended BDW", struct.pack(">I", 0x80000000 | (len(be_records) + 4)) + be_records, []),
        ("extended le BDW", struct.pack("<I", 0x80000000 | (len(be_records) + 4)) + be_records,
         ["--bdw-order", "le"]),
    ]
    for name, raw, flags in cases:
        f = tmp / "vb.bin"
        f.write_bytes(raw)
        got = rows(run(mfb, *base, f, "--recfm", "VB", *flags), name)
        check([r["A"] for r in got] == want, f"{name}: {got}")
        if flags:  # without the flag the block does not frame
            check(run(mfb, *base, f, "--recfm", "VB").returncode == 2, f"{name}: frames without {flags}")
    # Cobrix: VB with is_bdw_big_endian (its default is little-endian) and bdw_adjustment
    f = tmp / "vb_cobrix.bin"
    f.write_bytes(struct.pack(">HH", len(be_records), 0) + be_records)
    cob = rows(run(mfb, *base, f, "--cobrix-option", "record_format=VB", "--cobrix-option", "is_rdw_big_endian=true",
                   "--cobrix-option", "is_rdw_part_of_record_length=true",
                   "--cobrix-option", "is_bdw_big_endian=true", "--cobrix-option", "bdw_adjustment=4"), "cobrix VB")
    check([r["A"] for r in cob] == want, f"cobrix VB: {cob}")
    f.write_bytes(struct.pack(">HH", len(be_records) + 4, 0)[::-1] + be_records)
    cob = rows(run(mfb, *base, f, "--cobrix-option", "record_format=VB", "--cobrix-option", "is_rdw_big_endian=true",
                   "--cobrix-option", "is_rdw_part_of_record_length=true"), "cobrix VB le BDW")
    check([r["A"] for r in cob] == want, f"cobrix VB default le BDW: {cob}")

    hostile = tmp / "hostile.bin"
    # a BDW smaller than its RDWs: 12 bytes leave 8 for a first record of 10
    hostile.write_bytes(struct.pack(">HH", 12, 0) + be_records)
    fails(run(mfb, *base, hostile, "--recfm", "VB"), 2, "BDW smaller than its RDWs", "hostile.bin",
          "record 1 at offset 4", "only 8 bytes are left in the block at offset 0")
    # an adjustment that takes the block below 8 bytes, and below zero
    hostile.write_bytes(struct.pack(">HH", len(be_records) + 4, 0) + be_records)
    fails(run(mfb, *base, hostile, "--recfm", "VB", "--bdw-adjust", f"-{len(be_records) - 3}"), 2, "BDW adjusted to 7",
          "block at offset 0", "block length of 7 after --bdw-adjust", "less than 8")
    fails(run(mfb, *base, hostile, "--recfm", "VB", "--bdw-adjust", "-100"), 2, "BDW adjusted below 0",
          "block length of -")
    # a huge extended BDW over a small file: the read fails at the end of the file, small
    hostile.write_bytes(struct.pack(">I", 0xFFFFFFFF) + be_records)
    fails(run(mfb, *base, hostile, "--recfm", "VB"), 2, "huge extended BDW", "record 4", "truncated RDW",
          "the block at offset 0 has")
    check(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 200 * 1024, "huge BDW: the run grew")
    # a BDW cut short at the end of the file
    hostile.write_bytes(struct.pack(">HH", len(be_records) + 4, 0) + be_records + b"\x00\x10")
    fails(run(mfb, *base, hostile, "--recfm", "VB"), 2, "cut BDW", "truncated BDW")
    # usage: the BDW flags need a blocked format, a byte order be or le, a bounded adjustment
    fails(run(mfb, *base, hostile, "--recfm", "V", "--bdw-adjust", "4"), 1, "--bdw-adjust with V", "needs --recfm VB")
    fails(run(mfb, *base, hostile, "--recfm", "VB", "--bdw-order", "middle"), 1, "--bdw-order middle", "bdw-order")
    fails(run(mfb, *base, hostile, "--recfm", "VB", "--bdw-adjust", str(1 << 40)), 1, "huge --bdw-adjust",
          "out of range")
    fails(run(mfb, *base, hostile, "--cobrix-option", "record_format=V", "--cobrix-option", "bdw_adjustment=4"), 1,
          "cobrix bdw_adjustment with V", "bdw_adjustment needs record_format VB")


def check_partial_last_record(mfb, tmp):
    cpy = tmp / "f.cpy"
    cpy.write_text("       01  R.\n           05  A PIC X(4).\n           05  B PIC X(6).\n")
    records = [("abcd", "123456"), ("efgh", "654321"), ("ijkl", "000000")]
    data = tmp / "f.bin"
    data.write_bytes(b"".join(e(a) + e(b) for a, b in records) + e("mnop"))  # 34 bytes, LRECL 10
    base = ["convert", "--no-progress", cpy, "--input", data]
    fails(run(mfb, *base), 2, "partial record, no flag", "not a multiple of LRECL 10")
    summary = tmp / "s.json"
    p = run(mfb, *base, "--keep-partial-last-record", "--on-error", "skip", "--summary-json", summary)
    got = rows(p, "partial record kept, skipped")
    check([(r["A"], r["B"]) for r in got] == records, f"partial, skip: {got}")
    s = json.loads(summary.read_text()) if summary.exists() else {}
    check((s.get("records_read"), s.get("records_written"), s.get("records_rejected")) == (4, 3, 1), f"partial summary: {s}")
    rej = tmp / "rej.bin"
    p = run(mfb, *base, "--keep-partial-last-record", "--on-error", "reject", "--reject-file", rej)
    check(p.returncode == 0, f"partial, reject: {p.stderr}")
    check(rej.exists() and rej.read_bytes().endswith(e("mnop")), "the reject file keeps the cut record's bytes")
    # the default policy stops at it, naming record, offset and the field it cuts
    fails(run(mfb, *base, "--keep-partial-last-record"), 2, "partial, fail", "record 4", "30", "B",
          "record too short")
    cob = rows(run(mfb, *base, "--cobrix-option", "debug_ignore_file_size=true", "--on-error", "skip"),
               "debug_ignore_file_size")
    check([(r["A"], r["B"]) for r in cob] == records, f"debug_ignore_file_size: {cob}")
    fails(run(mfb, *base, "--recfm", "V", "--keep-partial-last-record"), 1, "partial with V",
          "needs --recfm F or FB")


def main():
    mfb = Path(sys.argv[1] if len(sys.argv) > 1 else "build") / "mfbridge"
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "a.cpy").write_text("       01  R.\n           05  A PIC X(2).\n")
        check_length_map(mfb, tmp)
        check_xcom(mfb, tmp)
        check_bdw(mfb, tmp)
        check_partial_last_record(mfb, tmp)
    print(f"{len(FAILURES)} failures" if FAILURES else "ok")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
