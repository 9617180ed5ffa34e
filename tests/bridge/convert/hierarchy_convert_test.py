#!/usr/bin/env python3
"""convert --parent CHILD=PARENT --key RECORD=FIELDS on hierarchical files (header, detail,
sub-detail), built here byte by byte: text through Python's cp037 codec, zoned digits
F0-F9, packed decimal by IBM's rules (digits as nibbles, sign nibble C or D). The expected
rows are written from the values put into the bytes, not from our output.

1. Every child row carries its parent's key ("_parent"), three levels deep; the output is
   byte-identical with 1 and 4 threads over a file of many batches.
2. CSV with --select writes one file per record type (--output-dir), with _PARENT_ columns.
3. Orphans (no parent before them, or a bad parent) are bad records: exact error texts.
4. Usage errors: exact texts.
Usage: hierarchy_convert_test.py BUILD_DIR
"""
import csv
import io
import json
import subprocess
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish, packed


COPYBOOK = """       01  HDR.
           05  H-TYPE     PIC X.
           05  H-ID       PIC 9(4).
           05  H-NAME     PIC X(10).
           05  H-CHK      PIC 9(5).
       01  DTL.
           05  D-TYPE     PIC X.
           05  D-SEQ      PIC S9(3) COMP-3.
           05  D-AMT      PIC S9(5)V99 COMP-3.
           05  D-TEXT     PIC X(13).
       01  SUB.
           05  S-TYPE     PIC X.
           05  S-NOTE     PIC X(19).
"""
SELECT = ["--select", "H-TYPE=H:HDR", "--select", "H-TYPE=D:DTL", "--select", "H-TYPE=S:SUB"]
TREE = ["--parent", "DTL=HDR", "--parent", "SUB=DTL", "--key", "HDR=H-ID,H-NAME",
        "--key", "DTL=D-SEQ"]


def hdr(hid, name, chk="00000"):
    return ("H" + f"{hid:04d}" + name.ljust(10) + chk).encode("cp037")


def dtl(seq, cents, text):
    return "D".encode("cp037") + packed(seq, 2) + packed(cents, 4) + text.ljust(13).encode("cp037")


def sub(note):
    return ("S" + note.ljust(19)).encode("cp037")


def money(cents):
    return Decimal(cents).scaleb(-2)


def build_tree(groups):
    """Records and the rows they must give (values as written into the bytes)."""
    data, rows = [], []
    for g in range(groups):
        hid, name = g % 10000, f"CO{g % 997}"
        data.append(hdr(hid, name))
        rows.append({"H-TYPE": "H", "H-ID": hid, "H-NAME": name, "H-CHK": 0})
        for d in range(g % 4):
            seq, cents = (g + d) % 1000 - 500, (g * 37 + d) % 10000000 - 5000000
            data.append(dtl(seq, cents, f"ITEM {d}"))
            rows.append({"D-TYPE": "D", "D-SEQ": seq, "D-AMT": money(cents), "D-TEXT": f"ITEM {d}",
                         "_parent": {"H-ID": hid, "H-NAME": name}})
            for s in range((g + d) % 3):
                data.append(sub(f"NOTE {s}"))
                rows.append({"S-TYPE": "S", "S-NOTE": f"NOTE {s}", "_parent": {"D-SEQ": seq}})
    return b"".join(data), rows


def convert(mfbridge, cpy, data_file, *args):
    cmd = [mfbridge, "convert", "--no-progress", "--copybook", str(cpy), "--input", str(data_file)]
    return subprocess.run(cmd + SELECT + list(args), capture_output=True)


def main():
    mfbridge = str(Path(sys.argv[1]) / "mfbridge")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cpy = tmp / "tree.cpy"
        cpy.write_text(COPYBOOK)

        # 1. Many batches (the reader hands out about 2 MB at a time): 1 and 4 threads.
        data, rows = build_tree(60000)
        (tmp / "tree.dat").write_bytes(data)
        one = convert(mfbridge, cpy, tmp / "tree.dat", *TREE, "--threads", "1")
        four = convert(mfbridge, cpy, tmp / "tree.dat", *TREE, "--threads", "4")
        check(one.returncode == 0, f"convert --parent exits 0 ({one.stderr.decode()[:300]})")
        check(len(data) > 2 * (2 << 20), f"the file spans at least three 2 MiB batches ({len(data)} bytes)")
        check(one.stdout == four.stdout, "4 threads give byte-identical output to 1 thread")
        ours = [json.loads(l, parse_float=Decimal) for l in one.stdout.decode().splitlines()]
        check(len(ours) == len(rows), f"{len(ours)} rows, {len(rows)} records")
        bad = next((i for i, (a, b) in enumerate(zip(ours, rows)) if a != b), None)
        check(bad is None, "every row, with its _parent, equals the values written"
              + ("" if bad is None else f": row {bad + 1} {ours[bad]} != {rows[bad]}"))
        lines = one.stdout.decode().splitlines()
        check(lines[2].endswith(',"_parent":{"H-ID":1,"H-NAME":"CO1"}}'),
              f"_parent is the object's last member, numbers as numbers: {lines[2]}")

        # 2. CSV: one file per record type, the parent's key as the last columns.
        out = tmp / "csv"
        small, small_rows = build_tree(12)
        (tmp / "small.dat").write_bytes(small)
        r = convert(mfbridge, cpy, tmp / "small.dat", *TREE, "--format", "csv", "--output-dir", str(out))
        check(r.returncode == 0, f"CSV --output-dir exits 0 ({r.stderr.decode()[:300]})")
        files = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
        check(files == ["DTL.csv", "HDR.csv", "SUB.csv"], f"one CSV per record type: {files}")
        if files == ["DTL.csv", "HDR.csv", "SUB.csv"]:
            def table(name):
                return list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"), newline="")))
            dt = table("DTL.csv")
            check(dt[0] == ["D-TYPE", "D-SEQ", "D-AMT", "D-TEXT", "_PARENT_H-ID", "_PARENT_H-NAME"],
                  f"DTL header: {dt[0]}")
            want = [["D", str(x["D-SEQ"]), str(x["D-AMT"]), x["D-TEXT"], str(x["_parent"]["H-ID"]),
                     x["_parent"]["H-NAME"]] for x in small_rows if x.get("D-TYPE") == "D"]
            check(dt[1:] == want, f"DTL rows carry their header's key ({len(want)} rows)")
            st = table("SUB.csv")
            check(st[0] == ["S-TYPE", "S-NOTE", "_PARENT_D-SEQ"], f"SUB header: {st[0]}")
            check(table("HDR.csv")[0] == ["H-TYPE", "H-ID", "H-NAME", "H-CHK"],
                  "HDR has no parent columns")
            check(len(table("HDR.csv")) == 13, "12 header rows")

        # JSON Lines too: each type's rows, in file order, in its own file.
        jdir = tmp / "jsonl"
        whole = convert(mfbridge, cpy, tmp / "small.dat", *TREE).stdout.decode().splitlines()
        r = convert(mfbridge, cpy, tmp / "small.dat", *TREE, "--output-dir", str(jdir))
        for kind in ("HDR", "DTL", "SUB"):
            mine = [l for l in whole if l.startswith('{"%s-TYPE"' % kind[0])]
            path = jdir / f"{kind}.jsonl"
            check(r.returncode == 0 and path.exists() and path.read_text().splitlines() == mine,
                  f"--output-dir {kind}.jsonl holds the {len(mine)} {kind} rows")

        # 3. Orphans. A detail before any header; a sub-detail after a new header but before
        #    its detail; children of a header whose key is not a number.
        (tmp / "orphan.dat").write_bytes(dtl(1, 100, "A") + hdr(7, "ACME") + dtl(2, 200, "B")
                                         + sub("X") + hdr(8, "NEXT") + sub("Y"))
        r = convert(mfbridge, cpy, tmp / "orphan.dat", *TREE)
        err = r.stderr.decode().splitlines()
        check(r.returncode == 2 and r.stdout == b"", f"an orphan first record stops the run (exit {r.returncode})")
        check(err[0] == f"{tmp / 'orphan.dat'}: record 1 (file offset 0): "
                        "no HDR record before this DTL record (--parent DTL=HDR)", f"orphan text: {err[0]}")
        r = convert(mfbridge, cpy, tmp / "orphan.dat", *TREE, "--on-error", "skip")
        err = r.stderr.decode().splitlines()
        check(r.returncode == 0, f"--on-error skip goes on (exit {r.returncode})")
        got = [json.loads(l) for l in r.stdout.decode().splitlines()]
        check([g.get("_parent") for g in got] == [None, {"H-ID": 7, "H-NAME": "ACME"}, {"D-SEQ": 2}, None],
              f"the others keep their parents: {got}")
        check(err[1] == f"{tmp / 'orphan.dat'}: record 6 (file offset 100): "
                        "no DTL record before this SUB record (--parent SUB=DTL)",
              f"a new header closes the old detail: {err[1] if len(err) > 1 else err}")
        bad_key = hdr(9, "X").replace("\xf0".encode("latin-1"), b"\xc1", 1)  # 'A' in H-ID
        (tmp / "badkey.dat").write_bytes(bad_key + dtl(3, 300, "C"))
        r = convert(mfbridge, cpy, tmp / "badkey.dat", *TREE, "--on-error", "skip")
        err = r.stderr.decode().splitlines()
        check(r.stdout == b"", "neither the bad header nor its detail is written")
        check(len(err) > 1 and err[1] == f"{tmp / 'badkey.dat'}: record 2 (file offset 20): its parent HDR "
                                         "is bad: record 1 (key field HDR.H-ID: invalid digit)",
              f"bad parent text: {err[1] if len(err) > 1 else err}")

        # A header rejected for a field outside its key: its children, and theirs, go too.
        (tmp / "badhdr.dat").write_bytes(hdr(5, "BAD", "0A000") + dtl(4, 400, "D") + sub("Z")
                                         + hdr(6, "GOOD") + dtl(5, 500, "E"))
        for threads in ("1", "3"):
            r = convert(mfbridge, cpy, tmp / "badhdr.dat", *TREE, "--on-error", "skip",
                        "--threads", threads)
            err = r.stderr.decode().splitlines()
            got = [json.loads(l) for l in r.stdout.decode().splitlines()]
            check([g.get("H-ID", g.get("D-SEQ")) for g in got] == [6, 5],
                  f"threads {threads}: only the good header and its detail are written: {got}")
            check(err[1:3] == [f"{tmp / 'badhdr.dat'}: record 2 (file offset 20): its parent HDR "
                               "is bad: record 1 (rejected)",
                               f"{tmp / 'badhdr.dat'}: record 3 (file offset 40): its parent DTL "
                               "is bad: record 2 (rejected)"],
                  f"threads {threads}: children of a rejected header: {err[1:3]}")
            check("3 rejected" in r.stderr.decode(), f"threads {threads}: three records rejected")

        # 4. Usage errors.
        cases = [
            (["--parent", "DTL=HDR"],
             "--parent: HDR is a parent, so it needs --key HDR=FIELD[,FIELD...]"),
            (["--parent", "DTL=NOPE", "--key", "NOPE=X"],
             "--parent DTL=NOPE: NOPE is not a record type of this run (types: HDR, DTL, SUB)"),
            (["--parent", "DTL=HDR", "--parent", "HDR=DTL", "--key", "HDR=H-ID", "--key", "DTL=D-SEQ"],
             "--parent HDR=DTL makes a cycle: HDR would be its own ancestor"),
            (["--parent", "DTL=HDR", "--key", "HDR=D-SEQ"], "--key HDR: D-SEQ is not a field of HDR"),
            (["--parent", "DTL=HDR", "--key", "HDR"], "--key expects RECORD=FIELD[,FIELD...], got HDR"),
            (["--parent", "DTL"], "--parent expects CHILD=PARENT, got DTL"),
            (["--key", "HDR=H-ID"], "--key needs --parent CHILD=PARENT"),
            (["--format", "csv"], "CSV output with --select writes one file per record type: give "
                                  "--output-dir DIR (or use --record for one layout)"),
            (["--output-dir", str(tmp / "x"), "--output", str(tmp / "y")],
             "--output and --output-dir cannot be used together"),
        ]
        for args, text in cases:
            r = convert(mfbridge, cpy, tmp / "small.dat", *args)
            first = r.stderr.decode().splitlines()[0] if r.stderr else ""
            check(r.returncode == 1 and first == "mfbridge convert: " + text,
                  f"{' '.join(args)}: exit {r.returncode}, {first}")
        occ = tmp / "occ.cpy"
        occ.write_text("       01  P.\n           05  T PIC X.\n           05  K PIC X OCCURS 2.\n"
                       "       01  C.\n           05  T2 PIC X(3).\n")
        r = subprocess.run([mfbridge, "convert", "--no-progress", "--copybook", str(occ), "--input",
                            str(tmp / "small.dat"), "--select", "T=P:P", "--select", "T=C:C",
                            "--parent", "C=P", "--key", "P=K"], capture_output=True)
        first = r.stderr.decode().splitlines()[0] if r.stderr else ""
        check(first == "mfbridge convert: --key P: P.K is an OCCURS table", f"OCCURS key: {first}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
