#!/usr/bin/env python3
"""Framing flags for Cobrix's reader options: --record-header SPEC (a declared header before
each record), --rdw-adjust N, --min-record-length/--max-record-length (bad records under
--on-error), and --skip-head/--skip-tail under every framing, gzip included. The input bytes
are built here from the formats' definitions (IBM's RDW LL LL 00 00 counting itself, BDW,
SDW segment control; struct for the header lengths; cp037 text through Python's codec).
Usage: convert_record_header_test.py BUILD"""
import gzip
import json
import struct
import subprocess
import sys
import tempfile
from pathlib import Path


def e(s):
    return s.encode("cp037")


def run(mfbridge, *args):
    return subprocess.run([str(mfbridge), *map(str, args)], capture_output=True, text=True)


def rows(proc):
    assert proc.returncode == 0, proc.stderr
    return [json.loads(l) for l in proc.stdout.splitlines()]


PAYLOADS = [e("AA1111"), e("BB"), e("CC33333333")]  # 6, 2 and 10 bytes: A X(2) and the rest


WANT = ["AA", "BB", "CC"]


def rdw(body):
    return struct.pack(">HH", len(body) + 4, 0) + body


def check_record_header(mfbridge, tmp, base):
    # Cobrix's example shape: a 5-byte header, byte 0 a validity flag (01), a big-endian
    # 2-byte length at offset 1 counting the data only, 2 spare bytes.
    data = tmp / "rdh.bin"
    data.write_bytes(b"".join(b"\x01" + struct.pack(">H", len(p)) + b"\0\0" + p for p in PAYLOADS))
    spec = "size=5,length=1:2,order=be,valid=0:0x01"
    got = rows(run(mfbridge, *base, data, "--record-header", spec))
    assert [r["A"] for r in got] == WANT, got
    # the same records with a little-endian length at offset 3 that counts the header, and
    # an adjustment: stored = data + 5 + 7, adjust=-7
    data2 = tmp / "rdh2.bin"
    data2.write_bytes(b"".join(b"\x02\0\0" + struct.pack("<H", len(p) + 12) + p for p in PAYLOADS))
    got = rows(run(mfbridge, *base, data2, "--record-header",
                   "size=5,length=3:2,order=le,adjust=-7,includes-header,valid=0:1|2"))
    assert [r["A"] for r in got] == WANT, got
    # a 1-byte and a 4-byte length
    data3 = tmp / "rdh3.bin"
    data3.write_bytes(b"".join(bytes([len(p)]) + p for p in PAYLOADS))
    assert len(rows(run(mfbridge, *base, data3, "--record-header", "size=1,length=0:1"))) == 3
    data4 = tmp / "rdh4.bin"
    data4.write_bytes(b"".join(b"H" + struct.pack(">I", len(p)) + p for p in PAYLOADS))
    assert len(rows(run(mfbridge, *base, data4, "--record-header", "size=5,length=1:4"))) == 3
    # the presets: rdw is IBM's RDW, so it frames what --recfm V frames
    v = tmp / "v.bin"
    v.write_bytes(b"".join(rdw(p) for p in PAYLOADS))
    assert rows(run(mfbridge, *base, v, "--record-header", "rdw")) == rows(run(mfbridge, *base, v, "--recfm", "V"))
    # a validity byte that does not match: a data error naming file, record and offset
    bad = tmp / "bad.bin"
    raw = bytearray(data.read_bytes())
    raw[5 + 6] = 0x07  # the second header's flag
    bad.write_bytes(bytes(raw))
    p = run(mfbridge, *base, bad, "--record-header", spec)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "bad.bin" in p.stderr and "record 2 at offset 11" in p.stderr and "header byte 0 is 07" in p.stderr, p.stderr
    # a length that points past the end of the file
    cut = tmp / "cut.bin"
    cut.write_bytes(b"\x01" + struct.pack(">H", 900) + b"\0\0" + e("SHORT"))
    p = run(mfbridge, *base, cut, "--record-header", spec)
    assert p.returncode == 2 and "record 1 at offset 0" in p.stderr and "900" in p.stderr, p.stderr
    # a negative adjustment that makes a negative length
    p = run(mfbridge, *base, data, "--record-header", spec + ",adjust=-7")
    assert p.returncode == 2 and "data length of -1" in p.stderr, p.stderr
    # wrong SPEC syntax: usage errors (exit 1) that say what is wrong
    for wrong, says in (("size=5", "length=OFFSET:SIZE is required"),
                        ("size=5,length=4:2", "does not lie inside the 5-byte header"),
                        ("size=5,length=0:5", "a size of 1 to 4"),
                        ("size=0,length=0:1", "1 to 256"),
                        ("size=4,length=0:2,order=middle", "be or le"),
                        ("size=4,length=0:2,colour=red", "unknown item colour"),
                        ("size=4,length=0:2,valid=9:1", "valid byte 9 lies outside"),
                        ("size=4,length=0:2,valid=0:300", "byte values 0-255"),
                        ("size=4,length=0:2,adjust=x", "adjust=x")):
        p = run(mfbridge, *base, data, "--record-header", wrong)
        assert p.returncode == 1 and says in p.stderr, (wrong, p.returncode, p.stderr)
    p = run(mfbridge, *base, data, "--record-header", spec, "--recfm", "VB")
    assert p.returncode == 1 and "replaces --recfm VB" in p.stderr, p.stderr


def check_rdw_adjust(mfbridge, tmp, base):
    # RDWs that count 4 bytes too few (data only, minus nothing): --rdw-adjust 4 restores IBM's
    v = tmp / "short_rdw.bin"
    v.write_bytes(b"".join(struct.pack(">HH", len(p), 0) + p for p in PAYLOADS))
    got = rows(run(mfbridge, *base, v, "--recfm", "V", "--rdw-adjust", "4"))
    assert [r["A"] for r in got] == WANT, got
    # RDWs that count 3 bytes too many, with a negative adjustment
    v2 = tmp / "long_rdw.bin"
    v2.write_bytes(b"".join(struct.pack(">HH", len(p) + 7, 0) + p for p in PAYLOADS))
    assert len(rows(run(mfbridge, *base, v2, "--recfm", "V", "--rdw-adjust", "-3"))) == 3
    # an adjustment that takes a length below zero is a framing error at that RDW
    p = run(mfbridge, *base, v, "--recfm", "V", "--rdw-adjust", "-7")
    assert p.returncode == 2 and "record 1 at offset 0" in p.stderr and "negative length (-1)" in p.stderr, p.stderr
    # LENGTH-FIELD: --rdw-adjust adds to the field's value (Cobrix's rdw_adjustment with
    # record_length_field), as --length-adjust does
    cpy = tmp / "lf.cpy"
    cpy.write_text("       01  R.\n           05  LEN PIC 9(4) COMP.\n           05  A PIC X(2).\n")
    lf = tmp / "lf.bin"
    lf.write_bytes(b"".join(struct.pack(">H", len(p)) + p for p in PAYLOADS))
    lfbase = ["convert", "--no-progress", "--allow-trailing-bytes", "--copybook", cpy, "--recfm", "LENGTH-FIELD",
              "--length-field", "LEN", "--input", lf]
    a = rows(run(mfbridge, *lfbase, "--rdw-adjust", "2"))
    assert [r["A"] for r in a] == WANT, a
    assert a == rows(run(mfbridge, *lfbase, "--length-adjust", "2"))
    assert a == rows(run(mfbridge, *lfbase, "--length-adjust", "1", "--rdw-adjust", "1"))
    p = run(mfbridge, *base, v, "--recfm", "FB", "--rdw-adjust", "4")
    assert p.returncode == 1 and "--rdw-adjust needs" in p.stderr, p.stderr


def check_record_limits(mfbridge, tmp, base):
    v = tmp / "lim.bin"
    v.write_bytes(b"".join(rdw(p) for p in PAYLOADS))
    args = [*base, v, "--recfm", "V", "--allow-trailing-bytes"]
    # record 2 (2 bytes, at file offset 10 + 4) is shorter than 3: a bad record
    p = run(mfbridge, *args, "--min-record-length", "3")
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "record 2" in p.stderr and "14" in p.stderr and "shorter than --min-record-length 3" in p.stderr, p.stderr
    summary = tmp / "s.json"
    p = run(mfbridge, *args, "--min-record-length", "3", "--on-error", "skip", "--summary-json", summary)
    assert [r["A"] for r in rows(p)] == ["AA", "CC"], p.stdout
    s = json.loads(summary.read_text())
    assert s["records_read"] == 3 and s["records_written"] == 2 and s["records_rejected"] == 1, s
    assert s["rejected_by_reason"] == {"the record is shorter than --min-record-length 3": 1}, s
    # record 3 (10 bytes) is longer than 8; reject keeps its bytes and its reason
    rej = tmp / "rej.bin"
    p = run(mfbridge, *args, "--max-record-length", "8", "--on-error", "reject", "--reject-file", rej)
    assert [r["A"] for r in rows(p)] == ["AA", "BB"], p.stdout
    log = [json.loads(l) for l in Path(str(rej) + ".errors.jsonl").read_text().splitlines()]
    assert len(log) == 1 and log[0]["record"] == 3 and "longer than --max-record-length 8" in log[0]["reason"], log
    p = run(mfbridge, *args, "--min-record-length", "9", "--max-record-length", "8")
    assert p.returncode == 1 and "is more than --max-record-length" in p.stderr, p.stderr


def framings(tmp):
    """The same three records in every framing: (name, bytes, args)."""
    fixed = [p.ljust(10, e(" ")) for p in PAYLOADS]  # with --lrecl 10
    v = b"".join(rdw(p) for p in PAYLOADS)
    vb = struct.pack(">HH", len(v) + 4, 0) + v
    # VS: the third record spanned in two segments (control 1 first, 2 last)
    third = PAYLOADS[2]
    vs = (rdw(PAYLOADS[0]) + rdw(PAYLOADS[1]) + struct.pack(">HBB", 4 + 4, 1, 0) + third[:4]
          + struct.pack(">HBB", 4 + 6, 2, 0) + third[4:])
    vbs = struct.pack(">HH", len(vs) + 4, 0) + vs
    text = b"".join(p + b"\n" for p in PAYLOADS)
    hdr = b"".join(b"\x01" + struct.pack(">H", len(p)) + b"\0\0" + p for p in PAYLOADS)
    return [("F", b"".join(fixed), ["--recfm", "F", "--lrecl", "10"]),
            ("FB", b"".join(fixed), ["--recfm", "FB", "--lrecl", "10"]),
            ("V", v, ["--recfm", "V"]), ("VB", vb, ["--recfm", "VB"]), ("VS", vs, ["--recfm", "VS"]),
            ("VBS", vbs, ["--recfm", "VBS"]), ("TEXT", text, ["--recfm", "TEXT"]),
            ("HEADER", hdr, ["--record-header", "size=5,length=1:2,valid=0:1"])]


def check_skip_everywhere(mfbridge, tmp, base):
    head, tail = e("FILE-HEADER#"), e("TRAILER")
    for name, body, args in framings(tmp):
        plain = tmp / f"{name}.bin"
        plain.write_bytes(body)
        want = [r["A"] for r in rows(run(mfbridge, *base, plain, *args, "--allow-trailing-bytes"))]
        assert want == WANT, (name, want)
        framed = tmp / f"{name}.framed.bin"
        framed.write_bytes(head + body + tail)
        zipped = tmp / f"{name}.framed.bin.gz"
        zipped.write_bytes(gzip.compress(head + body + tail))
        for f in (framed, zipped):
            got = rows(run(mfbridge, *base, f, *args, "--allow-trailing-bytes",
                           "--skip-head", len(head), "--skip-tail", len(tail)))
            assert [r["A"] for r in got] == want, (name, f.name, got)
            # without them the header bytes are read as a record, or fail to frame
            p = run(mfbridge, *base, f, *args, "--allow-trailing-bytes")
            assert p.returncode != 0 or [r["A"] for r in rows(p)] != want, (name, p.stdout)


def check_load(mfbridge, tmp, cpy):
    """load takes the same flags: the header frames, the short record is skipped."""
    import sqlite3
    data = tmp / "load.bin"
    data.write_bytes(b"".join(b"\x01" + struct.pack(">H", len(p)) + b"\0\0" + p for p in PAYLOADS))
    db = tmp / "load.db"
    p = run(mfbridge, "load", cpy, "--input", data, "--target", f"sqlite:{db}", "--allow-trailing-bytes",
            "--record-header", "size=5,length=1:2,valid=0:1", "--min-record-length", "3",
            "--on-error", "skip")
    assert p.returncode == 0, p.stderr
    with sqlite3.connect(db) as c:
        got = [r[0] for r in c.execute("SELECT a FROM r ORDER BY 1")]
    assert got == ["AA", "CC"], got


def check_skip_layout_framings(mfbridge, tmp):
    """LENGTH-FIELD and ODO, whose lengths come from the copybook."""
    head, tail = b"\xff" * 7, b"\xee" * 3
    lf_cpy = tmp / "lf2.cpy"
    lf_cpy.write_text("       01  R.\n           05  LEN PIC 9(4) COMP.\n           05  A PIC X(2).\n")
    lf = b"".join(struct.pack(">H", len(p) + 2) + p for p in PAYLOADS)
    odo_cpy = tmp / "odo.cpy"
    odo_cpy.write_text("       01  R.\n           05  N PIC 9.\n"
                       "           05  A OCCURS 0 TO 9 DEPENDING ON N PIC X.\n")
    odo = b"".join(e(str(len(p)))[:1] + p for p in PAYLOADS if len(p) <= 9)
    for cpy, body, args, count in ((lf_cpy, lf, ["--recfm", "LENGTH-FIELD", "--length-field", "LEN"], 3),
                                   (odo_cpy, odo, ["--recfm", "ODO"], 2)):
        for name, raw in (("plain", head + body + tail), ("gz", gzip.compress(head + body + tail))):
            f = tmp / f"layout_{args[1]}_{name}.bin"
            f.write_bytes(raw)
            got = rows(run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input", f,
                           *args, "--allow-trailing-bytes", "--skip-head", len(head),
                           "--skip-tail", len(tail)))
            assert len(got) == count, (args, name, got)


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        cpy = tmp / "a.cpy"
        cpy.write_text("       01  R.\n           05  A PIC X(2).\n")
        base = ["convert", "--no-progress", "--allow-trailing-bytes", "--copybook", cpy, "--input"]
        check_record_header(mfbridge, tmp, base)
        check_rdw_adjust(mfbridge, tmp, base)
        check_record_limits(mfbridge, tmp, base)
        check_skip_everywhere(mfbridge, tmp, base)
        check_skip_layout_framings(mfbridge, tmp)
        check_load(mfbridge, tmp, cpy)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
