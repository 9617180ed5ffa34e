#!/usr/bin/env python3
"""The layout and framing options are the same on every subcommand that reads copybooks.

1. From each subcommand's --help: the layout and coding options on every one of them, the
   framing options (--skip-head, --skip-tail, --record-start-offset, --record-end-offset,
   --allow-trailing-bytes) on every one that reads a record file; a future subcommand or
   an omitted registration fails here.
2. `load` honours them: a file with a header, a trailer and bytes around each record, and a
   LENGTH-FIELD file, loaded into SQLite and read back with sqlite3; the expected rows are
   the values this script wrote.

Usage: shared_flags_test.py BUILD_DIR"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
from script_checks import check, finish  # noqa: E402

LAYOUT = ["--copybook", "--copybook-text", "--copybook-format", "--copybook-columns", "--include",
          "--record", "--cobrix"]
CODING = ["--codepage", "--float-format", "--zoned", "--trunc", "--raw"]
FRAMING = ["--recfm", "--lrecl", "--rdw-little-endian", "--rdw-excludes-header",
           "--length-field", "--length-adjust"]
READING = ["--skip-head", "--skip-tail", "--record-start-offset", "--record-end-offset",
           "--allow-trailing-bytes"]
EXPECTED = {
    "convert": LAYOUT + CODING + FRAMING + READING,
    "load": LAYOUT + CODING + FRAMING + READING,
    "inspect": LAYOUT + CODING + FRAMING + READING,
    "delta": LAYOUT + CODING + FRAMING + READING,
    "rehost-file": LAYOUT + CODING + FRAMING + READING,
    "encode": LAYOUT + CODING + FRAMING,
    "ddl": LAYOUT + CODING + FRAMING,
    "layout": LAYOUT,
}


def options_in_help(mfb, cmd):
    text = subprocess.run([mfb, cmd, "--help"], capture_output=True, text=True).stdout
    return set(re.findall(r"(?:^|[ ,])(--[a-z0-9-]+)", text, re.M))


def help_lists_shared_options(mfb):
    top = subprocess.run([mfb, "--help"], capture_output=True, text=True).stdout
    for cmd, wanted in EXPECTED.items():
        check(re.search(rf"^\s+{cmd}\s", top, re.M) is not None, f"{cmd} is a subcommand")
        have = options_in_help(mfb, cmd)
        missing = [o for o in wanted if o not in have]
        check(not missing, f"{cmd} --help lists the shared options" +
              (f" (missing {missing})" if missing else ""))
    # Any subcommand that takes --input FILE reads records: it takes every framing option.
    for cmd in re.findall(r"^  ([a-z]+)\s", top, re.M):
        have = options_in_help(mfb, cmd)
        if "--input" in have and "--copybook" in have and cmd != "encode":
            missing = [o for o in READING if o not in have]
            check(not missing, f"{cmd} reads a file: it takes the framing options" +
                  (f" (missing {missing})" if missing else ""))


COPYBOOK = ("       01 CUST-REC.\n"
            "          05 CUST-ID   PIC 9(4).\n"
            "          05 CUST-NAME PIC X(6).\n")
ROWS = [(1, "ALICE"), (2, "BOB"), (3, "CAROL")]


def record(cid, name):
    return f"{cid:04d}".encode("cp037") + name.ljust(6).encode("cp037")


def rows_of(db_path, table):
    db = sqlite3.connect(db_path)
    try:
        return db.execute(f"SELECT cust_id, cust_name FROM {table} ORDER BY mfb_record_no").fetchall()
    finally:
        db.close()


def load_honours_framing(mfb, tmp):
    cpy = os.path.join(tmp, "CUST.cpy")
    open(cpy, "w").write(COPYBOOK)
    head, tail, before, after = b"HEADER\x00", b"TRL99", b"\x00\x0c", b"\xff\xff\xff"
    data = head + b"".join(before + record(*r) + after for r in ROWS) + tail
    path = os.path.join(tmp, "CUST.DAT")
    open(path, "wb").write(data)
    target = "sqlite:" + os.path.join(tmp, "cust.db")
    framed = len(before) + 10 + len(after)
    p = subprocess.run([mfb, "load", "--copybook", cpy, "--input", path, "--target", target, "--table", "cust",
                        "--key", "CUST-ID", "--recfm", "F", "--lrecl", str(framed),
                        "--skip-head", str(len(head)), "--skip-tail", str(len(tail)),
                        "--record-start-offset", str(len(before)),
                        "--record-end-offset", str(len(after))],
                       capture_output=True, text=True)
    check(p.returncode == 0, "load with --skip-head, --skip-tail and record offsets exits 0 " +
          p.stderr.strip()[-300:])
    if p.returncode == 0:
        got = rows_of(os.path.join(tmp, "cust.db"), "cust")
        check(got == [(i, n) for i, n in ROWS], f"the rows read back are the records ({got})")

    # Without the options the same file is misframed: the load refuses it.
    p = subprocess.run([mfb, "load", "--copybook", cpy, "--input", path, "--target", target, "--table", "bad",
                        "--recfm", "F", "--lrecl", str(framed)], capture_output=True, text=True)
    check(p.returncode != 0, "without them the same file does not load")

    # LENGTH-FIELD: a 2-byte binary length of the rest of the record (--length-adjust 2).
    lcpy = os.path.join(tmp, "LEN.cpy")
    open(lcpy, "w").write("       01 LEN-REC.\n          05 LEN-LL    PIC 9(4) COMP.\n"
                          "          05 CUST-ID   PIC 9(4).\n          05 CUST-NAME PIC X(6).\n")
    lpath = os.path.join(tmp, "LEN.DAT")
    open(lpath, "wb").write(b"".join((10).to_bytes(2, "big") + record(*r) for r in ROWS))
    p = subprocess.run([mfb, "load", "--copybook", lcpy, "--input", lpath, "--target", target, "--table", "lens",
                        "--recfm", "LENGTH-FIELD", "--length-field", "LEN-LL",
                        "--length-adjust", "2"], capture_output=True, text=True)
    check(p.returncode == 0, "load --recfm LENGTH-FIELD --length-field exits 0 " +
          p.stderr.strip()[-300:])
    if p.returncode == 0:
        got = rows_of(os.path.join(tmp, "cust.db"), "lens")
        check(got == [(i, n) for i, n in ROWS], f"LENGTH-FIELD rows read back ({got})")
        r = subprocess.run([mfb, "reconcile", "--target", target, "--dataset", "lens"],
                           capture_output=True, text=True)
        check(r.returncode == 0, "the LENGTH-FIELD dataset reopens from the catalog " + r.stderr[-200:])
    p = subprocess.run([mfb, "load", "--copybook", lcpy, "--input", lpath, "--target", target, "--table", "x",
                        "--recfm", "LENGTH-FIELD"], capture_output=True, text=True)
    check(p.returncode == 1 and "--recfm LENGTH-FIELD needs --length-field" in p.stderr,
          "LENGTH-FIELD without --length-field is a usage error")


def main():
    mfb = os.path.join(os.path.abspath(sys.argv[1]), "mfbridge")
    help_lists_shared_options(mfb)
    with tempfile.TemporaryDirectory(prefix="mfb-flags-") as tmp:
        load_honours_framing(mfb, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
