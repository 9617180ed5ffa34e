#!/usr/bin/env python3
"""Splits of hierarchical files (--parent/--key) and of files read through --select
(REDEFINES-style record selection), built here byte by byte: text through Python's cp037
codec, packed decimal by IBM's rules (script_checks.packed).

1. With --parent rules every range after the first starts at a header (a root record),
   checked against the generator's list of record types, in FB and VB files; every detail
   row of the parts carries the key of the header the generator put before it; the parts
   concatenated equal the one-process output.
2. The same ranges planned without the rules start inside detail runs, and converting them
   with the rules turns details into orphans: the rule is what keeps the keys.
3. Record numbers are global under --select: a planted bad detail record is named by the
   number the generator gave it, in the one-process run and in the split that holds it.
Usage: splits_hierarchy_test.py BUILD"""
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "support"))
sys.path.insert(0, HERE)
from script_checks import check, finish, packed  # noqa: E402
import framing_oracle_writer as fw  # noqa: E402

MFB = os.path.join(os.path.abspath(sys.argv[1]), "mfbridge")
# The header/detail/sub-detail layout and rules of hierarchy_convert_test.py (no SUB
# records are written here).
from hierarchy_convert_test import COPYBOOK, SELECT, TREE  # noqa: E402
BAD_AT = 4321  # a detail record whose amount is not packed decimal


def generate():
    """Records (20 bytes each), their types, and each detail's header id."""
    rng = random.Random(1402)
    recs, types, parent = [], [], {}
    hid = 0
    while len(recs) < 6000:
        hid += 1
        recs.append(("H" + f"{hid:04d}" + f"N{hid}".ljust(10) + "00000").encode("cp037"))
        types.append("H")
        for seq in range(rng.choice([0, 1, 3, 40, 120])):
            amt = packed(rng.randint(-9999999, 9999999), 4)
            recs.append("D".encode("cp037") + packed(seq, 2) + amt + f"T{seq}".ljust(13).encode("cp037"))
            types.append("D")
            parent[len(recs)] = hid
    while types[BAD_AT - 1] != "D":
        raise SystemExit("regenerate: record %d is no detail" % BAD_AT)
    recs[BAD_AT - 1] = recs[BAD_AT - 1][:3] + b"\xab\xcd\xef\xff" + recs[BAD_AT - 1][7:]
    return recs, types, parent


def run(*args):
    return subprocess.run([MFB, *args], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


def main():
    recs, types, parent = generate()
    with tempfile.TemporaryDirectory() as tmp:
        cpy = os.path.join(tmp, "h.cpy")
        open(cpy, "w").write(COPYBOOK)
        files = {"fb": (b"".join(recs), ["--recfm", "FB", "--lrecl", "20"]),
                 "vb": (fw.write_vb(recs, 124), ["--recfm", "VB"])}
        for name, (data, framing) in files.items():
            path = os.path.join(tmp, name + ".dat")
            open(path, "wb").write(data)
            base = ["--copybook", cpy, "--input", path, *framing, *SELECT]
            p = run("splits", *base, *TREE, "--splits", "16")
            check(p.returncode == 0, f"{name}: splits with --parent: {p.stderr}")
            plan = json.loads(p.stdout)
            starts = [r["first_record"] for r in plan["ranges"][1:] if r["length"] > 0]
            check(starts and all(types[n - 1] == "H" for n in starts),
                  f"{name}: every later range starts at a header (records {starts[:6]}...)")
            moved = json.loads(run("splits", *base, "--splits", "16").stdout)
            inner = [r for r in moved["ranges"][1:] if r["length"] > 0 and types[r["first_record"] - 1] == "D"]
            check(len(inner) > 0, f"{name}: without --parent some ranges start inside detail runs ({len(inner)})")
            # such a range, converted with the rules, has orphans: the rule matters
            r = inner[0]
            o = run("convert", "--no-progress", *base, *TREE, "--on-error", "skip",
                    "--range", f"{r['offset']}:{r['length']}:{r['first_record']}")
            check("no HDR record before this DTL record" in o.stderr,
                  f"{name}: a range starting at a detail makes orphans: {o.stderr[:200]}")

            whole = run("convert", "--no-progress", *base, *TREE, "--on-error", "skip")
            check(whole.returncode == 0, f"{name}: one-process convert: {whole.stderr[-300:]}")
            check(f"record {BAD_AT} " in whole.stderr, f"{name}: the bad record is record {BAD_AT}")
            parts, named = "", []
            for i in range(16):
                out = os.path.join(tmp, f"{name}-{i}.jsonl")
                c = run("convert", "--no-progress", *base, *TREE, "--on-error", "skip",
                        "--split", f"{i}/16", "--output", out)
                check(c.returncode == 0, f"{name}: split {i}: {c.stderr[-300:]}")
                if f"record {BAD_AT} " in c.stderr:
                    named.append(i)
                parts += open(out).read()
            check(parts == whole.stdout, f"{name}: the parts concatenated equal the one-process output")
            holder = [i for i, r in enumerate(plan["ranges"])
                      if r["first_record"] <= BAD_AT < r["first_record"] + r["records"]]
            check(named == holder, f"{name}: record {BAD_AT} is named by its split only ({named} vs {holder})")
            # every detail row carries its own header's key (the generator's, not ours)
            rows = [json.loads(line) for line in parts.splitlines()]
            numbers = [n for n in range(1, len(recs) + 1) if n != BAD_AT]
            ok = len(rows) == len(numbers)
            for n, row in zip(numbers, rows):
                if types[n - 1] == "D":
                    ok = ok and row["_parent"]["H-ID"] == parent[n]
            check(ok, f"{name}: every detail row carries its header's key ({len(rows)} rows)")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
