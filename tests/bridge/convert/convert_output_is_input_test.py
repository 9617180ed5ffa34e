#!/usr/bin/env python3
"""A careless operator's convert: the output (or the reject file) is one of the inputs.

Before the fix, `--input x --output x` truncated x before reading it (0 records, exit 0,
the data gone), and a glob over a folder that holds the previous run's output read that
output back as input while writing it. Now each is a usage error (exit 1) naming the file,
and the input is left as it was (its bytes compared before and after).

Usage: convert_output_is_input_test.py BUILD_DIR   (from the repository root)"""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
from script_checks import check, finish  # noqa: E402

COPYBOOK = "       01  R.\n           05  A  PIC X(3).\n"


def refused(mfb, tmp, what, args, victim):
    before = victim.read_bytes() if victim.exists() else None
    p = subprocess.run([str(mfb), "convert", str(tmp / "r.cpy"), "--lrecl", "3", *args],
                       capture_output=True, text=True, timeout=60)
    after = victim.read_bytes() if victim.exists() else None
    check(p.returncode == 1 and victim.name in p.stderr and "also a file this run writes" in p.stderr,
          f"{what}: refused naming {victim.name} (exit {p.returncode}: {p.stderr.strip()[-160:]})")
    check(after == before, f"{what}: {victim.name} is left as it was")


def main():
    mfb = Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve() / "mfbridge"
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "r.cpy").write_text(COPYBOOK)
        data = tmp / "in"
        data.mkdir()
        (data / "a.dat").write_bytes("ABCDEF".encode("cp037"))
        (data / "b.dat").write_bytes("GHI".encode("cp037"))
        a = data / "a.dat"
        refused(mfb, tmp, "--output is the input", ["--input", str(a), "--output", str(a)], a)
        refused(mfb, tmp, "--reject-file is the input",
                ["--input", str(a), "--on-error", "reject", "--reject-file", str(a)], a)
        out = data / "rows.jsonl"
        first = subprocess.run([str(mfb), "convert", str(tmp / "r.cpy"), "--lrecl", "3", "--input",
                                str(data / "*"), "--output", str(out)], capture_output=True, text=True, timeout=60)
        check(first.returncode == 0 and len(out.read_text().splitlines()) == 3,
              f"a glob over the folder, output there too: 3 rows the first time ({first.stderr.strip()[-160:]})")
        refused(mfb, tmp, "the glob now matches the last run's output",
                ["--input", str(data / "*"), "--output", str(out)], out)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
