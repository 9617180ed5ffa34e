#!/usr/bin/env python3
"""A failed write is reported as such: convert exits 4 naming the path and the bytes that
reached it, and counts as written only the records whose whole line is in the file.
/dev/full (every write fails with ENOSPC) for the output, the reject file and encode/export;
a 256 KiB tmpfs (when the test runs as root; skipped with the reason otherwise) for a disk
that fills up part way, with --output and --output-dir. The records are fixed 20-byte cp037
records built here; the oracle for what is in the file is Python's JSON parser.
Usage: convert_write_errors_test.py BUILD"""
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from script_checks import check, finish  # noqa: E402

CPY = ("       01  WREC.\n"
       "           05  W-TYPE  PIC X.\n"
       "           05  W-ID    PIC 9(9).\n"
       "           05  W-NAME  PIC X(10).\n")
RECORDS = 40000  # about 1.7 MB of JSON: several times the tmpfs


def record(i, kind="A"):
    return (kind + str(i).rjust(9, "0") + f"NAME{i % 997:06d}").encode("cp037")


def run(mfbridge, *args, **kw):
    return subprocess.run([str(mfbridge), *map(str, args)], capture_output=True, text=True,
                          timeout=300, **kw)


def written_after(stderr, path):
    """The byte count in 'PATH: write failed after N bytes: ...', or None."""
    m = re.search(re.escape(str(path)) + r": write failed after (\d+) bytes: No space left on device",
                  stderr)
    return int(m.group(1)) if m else None


def check_dev_full(mfbridge, tmp, cpy, data):
    summary = tmp / "full.json"
    base = ["convert", "--no-progress", "--copybook", cpy, "--input", data]
    p = run(mfbridge, *base, "-o", "/dev/full", "--summary-json", summary)
    s = json.loads(summary.read_text())
    check(p.returncode == 4, f"/dev/full output: exit 4 ({p.returncode})")
    check(written_after(p.stderr, "/dev/full") == 0,
          f"/dev/full output: names the path and 0 bytes: {p.stderr.strip()}")
    check(s["records_written"] == 0, f"/dev/full output: no record counted as written: {s}")
    # The reject file on /dev/full: the bad record cannot be kept, so the run stops with 4.
    bad = tmp / "bad.dat"
    bad.write_bytes(record(1) + b"A" + b"\xc1" * 9 + record(3)[10:] + record(3))
    p = run(mfbridge, *base[:-1], bad, "-o", tmp / "out.jsonl", "--on-error", "reject",
            "--reject-file", "/dev/full", "--reject-log", tmp / "rej.log")
    check(p.returncode == 4 and written_after(p.stderr, "/dev/full") == 0,
          f"/dev/full reject file: exit 4 naming it ({p.returncode}): {p.stderr.strip()}")
    # encode and export write through the same output file.
    p = run(mfbridge, "encode", "--copybook", cpy, "--input", "-", "-o", "/dev/full",
            input='{"W-TYPE": "A", "W-ID": 5, "W-NAME": "X"}\n')
    check(p.returncode == 4 and written_after(p.stderr, "/dev/full") == 0,
          f"encode to /dev/full: exit 4 naming it ({p.returncode}): {p.stderr.strip()}")
    db = tmp / "w.db"
    p = run(mfbridge, "load", "--no-progress", "--copybook", cpy, "--input", data, "--target",
            f"sqlite:{db}", "--table", "w")
    check(p.returncode == 0, f"load for export: exit 0 ({p.stderr.strip()})")
    p = run(mfbridge, "export", "--target", f"sqlite:{db}", "--dataset", "w", "--output", "/dev/full")
    check(p.returncode == 4 and written_after(p.stderr, "/dev/full") is not None,
          f"export to /dev/full: exit 4 naming it ({p.returncode}): {p.stderr.strip()}")


def lines_in(path):
    """Whole JSON lines in the file (a last partial line is not a record)."""
    text = path.read_bytes().decode("utf-8", "replace")
    whole = text.split("\n")[:-1]
    return [json.loads(l) for l in whole]


def check_tmpfs(mfbridge, tmp, cpy, data):
    if os.geteuid() != 0:
        print("SKIP tmpfs: not root, cannot mount a small tmpfs (the /dev/full checks ran)")
        return
    mnt = tmp / "small"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"SKIP tmpfs: mount failed ({r.stderr.strip()}); the /dev/full checks ran")
        return
    try:
        summary = tmp / "tmpfs.json"
        out = mnt / "out.jsonl"
        p = run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input", data,
                "-o", out, "--summary-json", summary)
        s = json.loads(summary.read_text())
        size = out.stat().st_size
        rows = lines_in(out)
        check(p.returncode == 4, f"tmpfs output: exit 4 ({p.returncode})")
        check(written_after(p.stderr, out) == size,
              f"tmpfs output: names the path and the {size} bytes in the file: {p.stderr.strip()}")
        check(s["records_written"] == len(rows) and 0 < len(rows) < RECORDS,
              f"tmpfs output: written = whole lines in the file ({s['records_written']} vs {len(rows)})")
        check(rows == [{"W-TYPE": "A", "W-ID": i + 1, "W-NAME": f"NAME{(i + 1) % 997:06d}"}
                       for i in range(len(rows))], "tmpfs output: the lines are the first records")
        out.unlink()
        # --output-dir: two record types, two files on the full disk.
        two = tmp / "two.dat"
        two.write_bytes(b"".join(record(i, "AB"[i % 2]) for i in range(1, RECORDS + 1)))
        cpy2 = tmp / "two.cpy"
        cpy2.write_text(CPY + CPY.replace("WREC", "BREC").replace("W-", "B-"))
        p = run(mfbridge, "convert", "--no-progress", "--copybook", cpy2, "--input", two,
                "--select", "W-TYPE=A:WREC", "--select", "B-TYPE=B:BREC", "--output-dir", mnt,
                "--summary-json", summary)
        s = json.loads(summary.read_text())
        files = {n: lines_in(mnt / f"{n}.jsonl") for n in ("WREC", "BREC")}
        failed = [n for n in files if written_after(p.stderr, mnt / f"{n}.jsonl") is not None]
        check(p.returncode == 4 and len(failed) == 1,
              f"tmpfs --output-dir: exit 4 naming one file ({p.returncode}): {p.stderr.strip()}")
        check(s["written_by_type"] == {n: len(v) for n, v in files.items() if v} and
              s["records_written"] == sum(len(v) for v in files.values()),
              f"tmpfs --output-dir: written per type = whole lines per file: {s['written_by_type']}")
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def main():
    mfbridge = Path(sys.argv[1]).resolve() / "mfbridge"
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cpy = tmp / "w.cpy"
        cpy.write_text(CPY)
        data = tmp / "w.dat"
        data.write_bytes(b"".join(record(i) for i in range(1, RECORDS + 1)))
        check_dev_full(mfbridge, tmp, cpy, data)
        check_tmpfs(mfbridge, tmp, cpy, data)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
