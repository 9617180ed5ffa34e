#!/usr/bin/env python3
"""Copybook sources: --copybook-text (Cobrix's copybook_contents), --copybook-format and
--copybook-columns (Cobrix's truncate_comments, comments_lbound and comments_ubound).

Oracles: GnuCOBOL (`cobc -std=ibm`) lays out each copybook at IBM's columns; the same
copybook moved to other columns (sequence area removed, widened, junk past the last code
column) must give cobc's offsets and lengths under --copybook-columns, and the Cobrix
bounds must map onto those columns (Cobrix keeps the characters after the first LBOUND and
up to UBOUND of each line). Inline text must parse as the file does. Hostile: bounds in the
wrong order, negative, not numbers, free format with columns, truncate_comments=false with
a bound, an inline copybook of a megabyte, an error inside inline text (named
<copybook text>:LINE:COL). Usage: copybook_sources_test.py BUILD_DIR"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
import layout_oracle  # noqa: E402
from script_checks import check, finish  # noqa: E402

CASES = ["payroll_basic", "occurs_tables", "redefines_groups", "value_concatenated",
         "conditions_88", "value_concatenated_hex_national"]


def run(mfb, *args, stdin=None):
    return subprocess.run([mfb, *args], capture_output=True, text=True, input=stdin)


def fields_of(layout_json):
    """{path: (offset, length)} and record lengths from `mfbridge layout --format json`."""
    out = {}
    for rec in json.loads(layout_json)["records"]:
        out[rec["name"]] = rec["length"]
        for f in rec["fields"]:
            out[f["path"]] = (f["offset"], f["length"])
    return out


def oracle_fields(records):
    out = {}
    for rec in records:
        out[rec["name"]] = rec["length"]
        out.update(rec["fields"])
    return out


def moved(text, seq, last_pad):
    """The copybook's lines with the sequence area `seq` columns wide (IBM: 6) and, past the
    last code column, `last_pad` columns of junk that must be cut off."""
    lines = []
    for line in text.splitlines():
        line = line.ljust(72)
        body = line[6:72]  # indicator and code area, as cobc reads them
        lines.append("S" * seq + body + "#" * last_pad)
    return "\n".join(lines) + "\n"


def columns_match_cobc(mfb, tmp):
    for case in CASES:
        cpy = os.path.join(ROOT, "tests", "data", "layout", case + ".cpy")
        records, err = layout_oracle.gnucobol_layout(cpy, [], tmp)
        check(err is None, f"cobc lays out {case} ({err})")
        if err:
            continue
        want = oracle_fields(records)
        text = open(cpy).read()
        for seq, pad in ((0, 0), (0, 9), (10, 5), (2, 30)):
            path = os.path.join(tmp, f"{case}_{seq}_{pad}.cpy")
            with open(path, "w") as f:
                f.write(moved(text, seq, pad))
            cols = f"{seq}:{seq + 66}"
            r = run(mfb, "layout", path, "--copybook-columns", cols, "--format", "json")
            got = fields_of(r.stdout) if r.returncode == 0 else {}
            wrong = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != tuple(v) and got.get(k) != v}
            check(r.returncode == 0 and not wrong,
                  f"{case} at columns {cols} (+{pad} junk): cobc's layout {r.stderr[:200]} {list(wrong.items())[:3]}")
            # The same through Cobrix's options (lbound = SEQ, ubound = LAST).
            c = run(mfb, "cobrix-options", f"comments_lbound={seq}", f"comments_ubound={seq + 66}")
            check(c.returncode == 0 and f"--copybook-columns {cols}" in c.stdout,
                  f"comments_lbound={seq} comments_ubound={seq + 66} is --copybook-columns {cols}: {c.stdout.strip()[-80:]}")


def inline_text(mfb, tmp):
    cpy = os.path.join(ROOT, "tests", "data", "layout", "payroll_basic.cpy")
    text = open(cpy).read()
    f = run(mfb, "layout", cpy, "--format", "json")
    t = run(mfb, "layout", "--copybook-text", text, "--format", "json")
    check(f.returncode == 0 and t.returncode == 0 and fields_of(f.stdout) == fields_of(t.stdout),
          "layout --copybook-text gives the file's layout " + t.stderr[:200])
    # convert: a record of the inline copybook, EBCDIC built with Python's cp037.
    small = "       01 R.\n          05 NAME PIC X(5).\n          05 QTY  PIC 9(3).\n"
    data = os.path.join(tmp, "r.dat")
    with open(data, "wb") as out:
        out.write("ALICE".encode("cp037") + "042".encode("cp037"))
    c = run(mfb, "convert", "--copybook-text", small, "--input", data)
    check(c.returncode == 0 and json.loads(c.stdout) == {"NAME": "ALICE", "QTY": 42},
          f"convert --copybook-text: {c.stdout.strip()} {c.stderr[:200]}")
    # An error in the text names it as the source, with line and column.
    bad = "       01 R.\n          05 NAME PIC X(5).\n          05 QTY  PIC 9(3) COMPX.\n"
    e = run(mfb, "convert", "--copybook-text", bad, "--input", data)
    check(e.returncode == 1 and "<copybook text>:3:" in e.stderr,
          "an error in --copybook-text is <copybook text>:LINE:COL: " + e.stderr[:200])
    # One or the other, and one of them is required.
    both = run(mfb, "convert", cpy, "--copybook-text", small, "--input", data)
    check(both.returncode == 1 and "excludes" in both.stderr,
          "a file and --copybook-text together are refused: " + both.stderr[:200])
    none = run(mfb, "convert", "--input", data)
    check(none.returncode == 1 and "--copybook-text" in none.stderr and "a copybook is required" in none.stderr,
          "no copybook at all: the error names both ways: " + none.stderr[:200])
    # Cobrix's copybook_contents, on the command line and (one line) in an options file.
    k = run(mfb, "convert", "--input", data, "--cobrix-option", "copybook_contents=" + small,
            "--cobrix-option", "ebcdic_code_page=cp037")
    check(k.returncode == 0 and json.loads(k.stdout) == {"NAME": "ALICE", "QTY": 42},
          f"copybook_contents runs: {k.stdout.strip()} {k.stderr[:200]}")
    # A megabyte on one line, in free format, from an options file: 40,000 fields.
    fields = " ".join(f"05 F{i} PIC X." for i in range(40000))
    opts = os.path.join(tmp, "big.options")
    with open(opts, "w") as out:
        out.write(f"copybook_contents=01 BIG. {fields}\n")
    big = run(mfb, "cobrix-options", "--file", opts)
    check(big.returncode == 0 and len(big.stdout) > 500000, "a 1 MB copybook_contents maps")
    bigdat = os.path.join(tmp, "big.dat")
    with open(bigdat, "wb") as out:
        out.write(bytes([0xC1]) * 40000)
    b = run(mfb, "convert", "--input", bigdat, "--cobrix-options", opts, "--codepage", "cp037")
    row = json.loads(b.stdout) if b.returncode == 0 else {}
    check(b.returncode == 0 and len(row) == 40000 and row.get("F39999") == "A",
          "a 1 MB inline copybook of 40,000 fields converts: " + b.stderr[:200])


def formats(mfb, tmp):
    # Free format: code past column 72 and from column 1 (truncate_comments=false).
    text = "01 REC.\n   05 A-VERY-LONG-NAME-THAT-RUNS-ON            PIC X(3).    *> comment\n" \
           + " " * 70 + "05 B PIC 9(4).\n"
    r = run(mfb, "layout", "--copybook-text", text, "--copybook-format", "free", "--format", "json")
    got = fields_of(r.stdout) if r.returncode == 0 else {}
    check(got.get("REC.B") == (3, 4), "free format reads past column 72: " + r.stderr[:200])
    c = run(mfb, "cobrix-options", "truncate_comments=false")
    check("--copybook-format free" in c.stdout, "truncate_comments=false is --copybook-format free")
    c = run(mfb, "cobrix-options", "truncate_comments=true")
    check("--copybook-columns 6:72" in c.stdout, "truncate_comments=true is --copybook-columns 6:72")
    c = run(mfb, "cobrix-options", "comments_ubound=80")
    check("--copybook-columns 6:80" in c.stdout, "comments_ubound alone keeps lbound 6")


def refusals(mfb, tmp):
    cpy = os.path.join(ROOT, "tests", "data", "layout", "payroll_basic.cpy")
    for cols, says in (("72:6", "after the indicator"), ("6:7", "after the indicator"),
                       ("-1:72", "negative"), ("6", "SEQ:LAST"), ("a:b", "SEQ:LAST"),
                       ("6:999999999", "past")):
        r = run(mfb, "layout", cpy, "--copybook-columns", cols)
        check(r.returncode == 1 and says in r.stderr, f"--copybook-columns {cols} is refused ({says}): {r.stderr[:160]}")
    r = run(mfb, "layout", cpy, "--copybook-format", "free", "--copybook-columns", "6:72")
    check(r.returncode == 1 and "free" in r.stderr, "free format with columns is refused: " + r.stderr[:160])
    for opts, says in ((["truncate_comments=false", "comments_lbound=6"], "cannot be used"),
                       (["comments_lbound=72", "comments_ubound=72"], "no code column"),
                       (["comments_lbound=-1"], "negative"),
                       (["comments_ubound=x"], "whole number"),
                       (["truncate_comments=maybe"], "true or false"),
                       (["copybook_contents= "], "text")):
        r = run(mfb, "cobrix-options", *opts)
        check(r.returncode == 1 and says in r.stderr, f"{opts} is refused ({says}): {r.stderr[:160]}")


def main():
    mfb = layout_oracle.mfbridge_from_args(sys.argv)
    if mfb is None:
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        columns_match_cobc(mfb, tmp)
        inline_text(mfb, tmp)
        formats(mfb, tmp)
        refusals(mfb, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
