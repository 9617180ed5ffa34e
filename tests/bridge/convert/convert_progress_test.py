#!/usr/bin/env python3
"""The progress line of `mfbridge convert`: shown on a terminal, never elsewhere.

convert runs with its stderr on a pseudo-terminal (Python's pty module) over a file of
several 2 MB batches, with --progress-interval 0 so every batch updates the line. Each
update must read "\\r\\033[K<N> records, <X.Y> MB, <X.Y> MB/s, <N> s left" with the record
count growing and never over the file's. With stderr on a pipe, or with --no-progress on
the terminal, no progress is written (no CR, no erase sequence).
Usage: convert_progress_test.py BUILD_DIR
"""
import os
import pty
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish

LRECL = 100
RECORDS = 80000  # 8 MB: four batches
LINE = re.compile(rb"\r\x1b\[K(\d+) records, (\d+\.\d) MB, (\d+\.\d) MB/s, (\d+) s left")


def run_on_terminal(cmd):
    """Run with stderr on a pseudo-terminal; return (exit code, everything it wrote there)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(), out


def main():
    mfbridge = str(Path(sys.argv[1]) / "mfbridge")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cpy = tmp / "p.cpy"
        cpy.write_text("       01  PREC.\n           05  ID    PIC 9(8).\n"
                       "           05  NAME  PIC X(92).\n")
        data = b"".join((f"{i:08d}" + "NAME".ljust(92)).encode("cp037") for i in range(RECORDS))
        (tmp / "p.dat").write_bytes(data)
        base = [mfbridge, "convert", "--copybook", str(cpy), "--input", str(tmp / "p.dat"),
                "--output", str(tmp / "out.jsonl"), "--threads", "2"]

        code, out = run_on_terminal(base + ["--progress-interval", "0"])
        check(code == 0, f"convert on a terminal exits 0 ({code})")
        updates = LINE.findall(out)
        check(len(updates) >= 2, f"at least two progress updates ({len(updates)}): {out[:200]!r}")
        counts = [int(u[0]) for u in updates]
        check(counts == sorted(counts) and all(0 < c <= RECORDS for c in counts),
              f"record counts grow and stay within the file: {counts}")
        mbs = [float(u[1]) for u in updates]
        check(all(0 < m <= len(data) / 1e6 + 0.05 for m in mbs), f"MB within the file size: {mbs}")
        check(all(abs(m - c * LRECL / 1e6) < 0.06 for m, c in zip(mbs, counts)),
              "MB read matches the records counted (100-byte records)")
        # The line is erased before the summary, so the summary starts a clean line.
        summary_at = out.find(b"mfbridge convert: 80000 records read")
        check(summary_at > 0 and out[:summary_at].endswith(b"\r\x1b[K"),
              "the progress line is erased before the summary")

        code, out = run_on_terminal(base + ["--no-progress", "--progress-interval", "0"])
        check(code == 0 and b"\r" not in out.replace(b"\r\n", b"") and b"\x1b[K" not in out,
              "--no-progress: no progress on the terminal")

        proc = subprocess.run(base + ["--progress-interval", "0"], capture_output=True)
        check(proc.returncode == 0 and b"\r" not in proc.stderr and b"\x1b[K" not in proc.stderr
              and b" s left" not in proc.stderr,
              f"stderr on a pipe: no progress ({proc.stderr[:200]!r})")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
