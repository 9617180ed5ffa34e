"""Duplicate keys in a load, on SQLite and PostgreSQL, in create and append modes: exit 2
(bad data, not 4), and the message names the input, the first duplicate pair of records
and the key value. The pairs are worked out here from the keys Python wrote.

Cases: two records of one file share a key (create); a record of an appended file has the
key of a row already loaded (append into tables that have their key: on PostgreSQL the
COPY meets the constraint); two records of the appended file share a key (append).

Usage: load_duplicate_key_test.py BUILD_DIR  (run from the repository root)"""

import os
import re
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import mfb  # noqa: E402
from script_checks import check, finish, packed  # noqa: E402
import pg_server  # noqa: E402

COPYBOOK = """       01  DK-REC.
           05  DK-KEY        PIC X(4).
           05  DK-NAME       PIC X(6).
           05  DK-AMT        PIC S9(5) COMP-3.
"""


def write(path, keys):
    data = b"".join(k.encode("cp037") + ("N" + k).ljust(6).encode("cp037") + packed(i, 3)
                    for i, k in enumerate(keys, 1))
    open(path, "wb").write(data)
    return path


def first_pair(keys):
    """1-based positions of the first record whose key an earlier one has, and that one."""
    seen = {}
    for i, k in enumerate(keys, 1):
        if k in seen:
            return seen[k], i, k
        seen[k] = i
    raise AssertionError("no duplicate")


def load(layout, data, target, mode):
    # A job of its own per file: a refused load leaves its job's checkpoint unfinished.
    return mfb("load", *layout, "--table", "dk", "--key", "DK-KEY", "--input", data,
               "--target", target, "--mode", mode, "--job", os.path.basename(data),
               "--no-progress")


def run(name, target, layout, tmp, rows):
    # create: two records of one file.
    keys = ["K001", "K002", "K003", "K002", "K001"]
    dup = write(os.path.join(tmp, name + "-dup.dat"), keys)
    a, b, k = first_pair(keys)
    p = load(layout, dup, target, "create")
    want = f'{dup}: records {a} and {b} have the same key ("dk_key") = ({k})'
    check(p.returncode == 2 and want in p.stderr,
          f"{name} create: exit 2 naming records {a} and {b}: {p.returncode} {p.stderr[-400:]}")

    # append into tables that have their key: a record with a loaded row's key.
    base = write(os.path.join(tmp, name + "-base.dat"), ["A001", "A002", "A003"])
    p = load(layout, base, target, "replace")
    check(p.returncode == 0, f"{name}: clean load: {p.returncode} {p.stderr[-300:]}")
    more = write(os.path.join(tmp, name + "-more.dat"), ["A004", "A002"])
    p = load(layout, more, target, "append")
    want = (f'{more}: record 2 and row 2 (mfb_record_no) already in table dk have the same key '
            f'("dk_key") = (A002)')
    check(p.returncode == 2 and want in p.stderr,
          f"{name} append: exit 2 naming the loaded row: {p.returncode} {p.stderr[-400:]}")
    check(rows() == 3, f"{name} append: the refused chunk left the table as it was ({rows()})")

    # append: two records of the appended file.
    keys = ["A005", "A006", "A007", "A006"]
    twice = write(os.path.join(tmp, name + "-twice.dat"), keys)
    a, b, k = first_pair(keys)
    p = load(layout, twice, target, "append")
    want = f'{twice}: records {a} and {b} have the same key ("dk_key") = ({k})'
    check(p.returncode == 2 and want in p.stderr,
          f"{name} append: exit 2 naming records {a} and {b}: {p.returncode} {p.stderr[-400:]}")
    check(not re.search(r"target: |UNIQUE constraint|duplicate key value", p.stderr),
          f"{name}: no raw target error: {p.stderr[-300:]}")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-dupkey-")
    try:
        cpy = os.path.join(tmp, "DK.cpy")
        open(cpy, "w").write(COPYBOOK)
        layout = ["--copybook", cpy, "--codepage", "cp037", "--recfm", "F"]
        db = os.path.join(tmp, "dk.db")

        def sqlite_rows():
            con = sqlite3.connect(db)
            try:
                return con.execute("SELECT count(*) FROM dk").fetchone()[0]
            finally:
                con.close()
        run("sqlite", "sqlite:" + db, layout, tmp, sqlite_rows)
        if not pg_server.available():
            print("SKIP PostgreSQL part: server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            run("postgresql", pg.uri, layout, tmp, lambda: int(pg.psql("SELECT count(*) FROM dk")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
