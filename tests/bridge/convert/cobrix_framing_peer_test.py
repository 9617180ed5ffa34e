#!/usr/bin/env python3
"""The Cobrix peer cases that exercise framing, run with mfbridge's own flags and compared by
value with the peer's expected rows: t21 (nested OCCURS DEPENDING ON, --recfm ODO), t05d
(an RDW that is part of the copybook, --recfm LENGTH-FIELD with --rdw-adjust 4) and t40's
count check (file_end_offset=1493 drops one 1493-byte record from the gzip input).
Usage: cobrix_framing_peer_test.py BUILD"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PEER = ROOT.parent / "shared" / "peer" / "cobrix"


def run(mfbridge, *args):
    return subprocess.run([str(mfbridge), *map(str, args)], capture_output=True, text=True)


def spark_names(value):
    """Our COBOL names as Spark's ('-' becomes '_'); text as Cobrix gives it under its default
    'common' code page (NUL becomes a space) and Java's trim (every char <= U+0020)."""
    if isinstance(value, dict):
        return {k.replace("-", "_"): spark_names(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [spark_names(v) for v in value]
    if isinstance(value, str):
        return "".join(" " if c == "\0" else c for c in value).strip("".join(map(chr, range(33))))
    return value


def check_t21(mfbridge):
    case = PEER / "t21_ascii_nested_odo"
    p = run(mfbridge, "convert", "--no-progress", "--copybook", case / "test21_copybook.cob",
            "--input", case / "data" / "data.dat", "--recfm", "ODO", "--codepage", "latin1",
            "--zoned", "ascii")
    assert p.returncode == 0, p.stderr
    ours = [spark_names(json.loads(l)) for l in p.stdout.split("\n") if l]
    theirs = [json.loads(l)["RECORD"] for l in (case / "expected" / "test21.txt").read_text().splitlines() if l]
    assert len(theirs) == 5 and ours == theirs, (ours, theirs)


def check_t05d(mfbridge):
    case = PEER / "t05_vrl_multiseg_ebcdic"
    data = next((case / "data_be_rdw").iterdir())
    p = run(mfbridge, "convert", "--no-progress", "--copybook", case / "test5d_copybook.cob",
            "--input", data, "--recfm", "LENGTH-FIELD", "--length-field", "RECORD-LENGTH",
            "--rdw-adjust", "4")
    assert p.returncode == 0, p.stderr
    ours = [spark_names(json.loads(l)) for l in p.stdout.split("\n") if l]
    theirs = [json.loads(l) for l in (case / "expected" / "test5d.txt").read_text().splitlines() if l]
    # 1000 records, every one framed at its length (a wrong length would misframe the rest)
    assert len(theirs) == 60 and len(ours) == 1000, len(ours)
    for n, (a, b) in enumerate(zip(ours, theirs)):
        # Record_Byte_Length is the framed length: the length field plus the adjustment
        assert a["RECORD_LENGTH"] + 4 == b["Record_Byte_Length"], (n, a, b)
        for key in ("RECORD_LENGTH", "SEGMENT_ID", "COMPANY_ID"):
            assert a[key] == b[key], (n, key, a, b)
        alt = "STATIC_DETAILS" if b["SEGMENT_ID"] == "C" else "CONTACTS"
        for key in ("COMPANY_NAME", "ADDRESS") if alt == "STATIC_DETAILS" else ("PHONE_NUMBER", "CONTACT_PERSON"):
            assert a[alt][key] == b[alt][key], (n, alt, key, a, b)


def check_t40_end_offset(mfbridge, tmp):
    case = PEER / "t40_compressed" / "data"
    cpy = tmp / "whole.cpy"
    cpy.write_text("       01  R.\n           05  B PIC X(1493).\n")
    counts = []
    for extra in ([], ["--skip-tail", "1493"]):
        p = run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input",
                case / "example.dat.gz", "--codepage", "cp037", *extra)
        assert p.returncode == 0, p.stderr
        counts.append(p.stdout.count("\n"))
    assert counts == [100, 99], counts


def main():
    import tempfile
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    if not PEER.is_dir():
        print(f"skipped: peer suite not found at {PEER}")
        return 0
    with tempfile.TemporaryDirectory() as t:
        check_t21(mfbridge)
        check_t05d(mfbridge)
        check_t40_end_offset(mfbridge, Path(t))
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
