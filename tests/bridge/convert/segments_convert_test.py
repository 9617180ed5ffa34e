#!/usr/bin/env python3
"""convert's segment options on the Cobrix peer files (../shared/peer/cobrix): the oracles are
Cobrix's expected rows, and counts computed here from the input bytes (RDW framing and the
segment field read through Python's cp037 codec).

1. --segment-filter: on t03 the kept rows are Cobrix's (every t03 record has the filtered
   SIGNATURE); on t17 (ids 1 and 5 kept of 1..7) every record is counted: records read =
   written + rejected + filtered, filtered = records whose SEGMENT-ID is neither.
2. Seg_Id columns: t05 (levels 0=C, 1=P), t05a (root-only), t17b (three levels, and `_` for
   "every other id"), with 1 and 3 threads; CSV puts them first.
3. --select with several ids per segment (t05c): the alternative Cobrix keeps is ours.
4. --nest-children (t17c): one row per root, children as arrays inside their parent's
   segment object; the values are Cobrix's, except the OFFICE records we reject (NUL in a
   DISPLAY number, test17a's known difference), which are missing from their arrays only.
5. Hostile: records before any root have no ids, unknown segment values are counted, a
   filter on a missing field, an id on two levels, --nest-children with CSV.
Usage: segments_convert_test.py BUILD_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish

ROOT = Path(__file__).resolve().parents[3]
PEER = ROOT.parent / "shared" / "peer" / "cobrix"
BUILD = Path(sys.argv[1]).resolve()
MFB = BUILD / "mfbridge"
TMP = Path(tempfile.mkdtemp(prefix="mfb-segments-"))

T03 = PEER / "t03_trim_segment_filter"
T05 = PEER / "t05_vrl_multiseg_ebcdic"
T17 = PEER / "t17_hierarchical_ebcdic"
T05_DATA = T05 / "data_le_rdw" / "COMP.DETAILS.SEP30.DATA.dat"
T17_DATA = T17 / "data" / "HIERARCHICAL.DATA.RDW.dat"
VRL = ["--recfm", "V", "--rdw-little-endian", "--rdw-excludes-header"]
T17_SELECT = sum((["--select", f"SEGMENT-ID={n}:{g}"] for n, g in
                  [(1, "COMPANY"), (2, "DEPT"), (3, "EMPLOYEE"), (4, "OFFICE"),
                   (5, "CUSTOMER"), (6, "CONTACT"), (7, "CONTRACT")]), [])


def run(args, summary=None):
    cmd = [str(MFB), "convert"] + [str(a) for a in args] + ["--no-progress"]
    if summary:
        cmd += ["--summary-json", str(summary)]
    return subprocess.run(cmd, capture_output=True, text=True)


def rows_of(text):
    return [json.loads(line) for line in text.split("\n") if line]


def expected(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def rdw_records(path):
    """The payloads of a little-endian RDW file whose lengths exclude the RDW."""
    data, out, at = path.read_bytes(), [], 0
    while at + 4 <= len(data):
        n = data[at + 2] | data[at + 3] << 8
        out.append(data[at + 4:at + 4 + n])
        at += 4 + n
    return out


def seg_ids(row):
    return {k: v for k, v in row.items() if k.startswith("Seg_Id")}


def rejected_numbers(log):
    if not log.exists():
        return set()
    return {json.loads(line)["record"] for line in log.read_text().splitlines() if line}


def ours_by_index(out_text, total, rejected):
    """Our rows keyed by Cobrix's 0-based Record_Id: the records we kept, in file order."""
    kept = [n for n in range(1, total + 1) if n not in rejected]
    rows = rows_of(out_text)
    check(len(rows) == len(kept), f"one row per kept record ({len(rows)} vs {len(kept)})")
    return {n - 1: r for n, r in zip(kept, rows)}


def java_trim(s):
    return s.strip("".join(chr(c) for c in range(0x21)))


# 1. --segment-filter on t03.
records = [T03 / "data" / "TRAN2.AUG31.DATA.dat"]
raw = records[0].read_bytes()
sigs = [raw[i + 3:i + 11].decode("cp037") for i in range(0, len(raw), 45)]
keep = sum(1 for s in sigs if s.strip() == "S9276511")
summary = TMP / "t03.json"
r = run([T03 / "test3_copybook.cob", "--input", records[0], "--segment-filter",
         "SIGNATURE=S9276511"], summary)
check(r.returncode == 0, f"t03 filter runs: {r.stderr}")
s = json.loads(summary.read_text())
check(s["records_read"] == len(sigs) == 1000, f"t03: every record read ({s['records_read']})")
check(s["records_filtered"] == len(sigs) - keep, f"t03: filtered = other signatures ({s})")
check(s["records_read"] == s["records_written"] + s["records_rejected"] + s["records_filtered"],
      "t03: read = written + rejected + filtered")
ours = rows_of(r.stdout)[:60]
want = expected(T03 / "expected" / "test3.txt")
check(len(ours) == len(want) == 60, "t03: 60 rows")
for i, (o, w) in enumerate(zip(ours, want)):
    for k, v in w.items():
        mine = o.get(k.replace("_", "-"), o.get(k))
        if isinstance(v, str):
            mine = java_trim(mine)
        elif isinstance(v, float):
            v, mine = round(v, 2), float(mine)
        check(mine == v, f"t03 row {i} {k}: {mine!r} vs {v!r}")
# Several values, one with an escaped comma that never occurs: the same rows.
r2 = run([T03 / "test3_copybook.cob", "--input", records[0], "--segment-filter",
          r"SIGNATURE = S9276511 , NO\,SUCH"])
check(r2.returncode == 0 and r2.stdout == r.stdout, f"t03: a value list filters alike {r2.stderr}")
# --threads 3 gives the same output.
r3 = run([T03 / "test3_copybook.cob", "--input", records[0], "--segment-filter",
          "SIGNATURE=S9276511", "--threads", "3"])
check(r3.stdout == r.stdout, "t03: --threads 3 gives the same rows")

# A filter that leaves records out (t17: companies and customers of 7 segment types).
segs = [rec[0:1].decode("cp037") for rec in rdw_records(T17_DATA)]
outs = []
for threads in ("1", "3"):
    summary = TMP / f"t17-filter-{threads}.json"
    r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT,
             "--segment-filter", "SEGMENT-ID=1,5", "--threads", threads], summary)
    check(r.returncode == 0, f"t17 filter runs: {r.stderr}")
    s = json.loads(summary.read_text())
    check(s["records_read"] == len(segs) == 951, f"t17 filter: every record read ({s['records_read']})")
    check(s["records_filtered"] == sum(1 for c in segs if c not in "15"),
          f"t17 filter: filtered = other ids ({s['records_filtered']})")
    check(s["records_read"] == s["records_written"] + s["records_rejected"] + s["records_filtered"],
          "t17 filter: read = written + rejected + filtered")
    check(s["records_written"] == sum(1 for c in segs if c in "15"), "t17 filter: the rest written")
    check("filtered (--segment-filter)" in r.stderr, f"the summary line says filtered: {r.stderr}")
    check({row["SEGMENT-ID"] for row in rows_of(r.stdout)} == {1, 5}, "t17 filter: ids 1 and 5 only")
    outs.append(r.stdout)
check(outs[0] == outs[1], "t17 filter: --threads 3 gives the same rows")

# 2. Seg_Id columns.
t05_total = len(rdw_records(T05_DATA))
for name, extra in (("test5", ["--segment-id-level", "0=C", "--segment-id-level", "1=P",
                               "--segment-id-prefix", "A"]),
                    ("test5a", ["--segment-id-root", "C", "--segment-id-prefix", "B"])):
    log = TMP / f"{name}.rej"
    r = run([T05 / "test5_copybook.cob", "--input", T05_DATA, *VRL, "--segment-field",
             "SEGMENT-ID", "--on-error", "reject", "--reject-file", log, *extra])
    check(r.returncode == 0, f"{name}: runs: {r.stderr}")
    ours = ours_by_index(r.stdout, t05_total, rejected_numbers(Path(str(log) + ".errors.jsonl")))
    want = expected(T05 / "expected" / f"{name}.txt")
    for w in want:
        o = ours.get(w["Record_Id"])
        if o is None:
            continue
        check(seg_ids(o) == seg_ids(w), f"{name} record {w['Record_Id']}: {seg_ids(o)} vs {seg_ids(w)}")
        check(list(o)[:len(seg_ids(w))] == list(seg_ids(w)), f"{name}: Seg_Id keys come first")
    check(len([w for w in want if w["Record_Id"] in ours]) >= 55, f"{name}: rows compared")

# t05c: several ids per segment, root-only ids.
r = run([T05 / "test5_copybook.cob", "--input", T05_DATA, *VRL, "--segment-field", "SEGMENT-ID",
         "--segment-id-root", "C", "--segment-id-prefix", "B",
         "--select", "SEGMENT-ID=C,D:STATIC-DETAILS", "--select", "SEGMENT-ID=P:CONTACTS"])
check(r.returncode == 0, f"test5c: runs: {r.stderr}")
ours = rows_of(r.stdout)
for i, w in enumerate(expected(T05 / "expected" / "test5c.txt")):
    o = ours[w["Record_Id"]]
    check(seg_ids(o) == seg_ids(w), f"test5c row {i}: ids")
    for group in ("STATIC-DETAILS", "CONTACTS"):
        check((group in o) == (group.replace("-", "_") in w), f"test5c row {i}: {group} present alike")
    check(o["COMPANY-ID"] == w["COMPANY_ID"], f"test5c row {i}: COMPANY-ID")

# t17b: three levels; `_` and `*` stand for every id no other level lists.
t17_total = len(rdw_records(T17_DATA))
want17 = expected(T17 / "expected" / "test17b.txt")
outputs = {}
for label, level2, threads in (("listed", "2=3,4,6,7", "1"), ("wildcard", "2=_", "3"),
                               ("star", "2=*", "1")):
    log = TMP / f"t17b-{label}.rej"
    r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT,
             "--segment-field", "SEGMENT-ID", "--segment-id-level", "0=1",
             "--segment-id-level", "1=2,5", "--segment-id-level", level2,
             "--segment-id-prefix", "A", "--on-error", "reject", "--reject-file", log,
             "--threads", threads])
    check(r.returncode == 0, f"t17b {label}: runs: {r.stderr}")
    outputs[label] = r.stdout
    rejected = rejected_numbers(Path(str(log) + ".errors.jsonl"))
    log_lines = Path(str(log) + ".errors.jsonl").read_text().split("\n")
    check(rejected and all('"field":"ENTITY.OFFICE.' in line for line in log_lines if line),
          f"t17b: only the NUL-padded OFFICE records are rejected ({len(rejected)})")
    ours = ours_by_index(r.stdout, t17_total, rejected)
    compared = 0
    for w in want17:
        o = ours.get(w["Record_Id"])
        if o is None:
            continue
        compared += 1
        check(seg_ids(o) == seg_ids(w), f"t17b {label} record {w['Record_Id']}: {seg_ids(o)} vs {seg_ids(w)}")
    check(compared >= 250, f"t17b {label}: {compared} rows compared")
check(outputs["listed"] == outputs["wildcard"] == outputs["star"], "t17b: _ and * give the listed ids' rows")

# CSV: the Seg_Id cells come first, empty for a null id.
out_dir = TMP / "csv"
r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT,
         "--segment-field", "SEGMENT-ID", "--segment-id-level", "0=1", "--segment-id-level",
         "1=2,5", "--segment-id-prefix", "A", "--format", "csv", "--output-dir", out_dir,
         "--on-error", "skip"])
check(r.returncode == 0, f"t17 CSV: runs: {r.stderr}")
company = (out_dir / "COMPANY.csv").read_text().splitlines()
dept = (out_dir / "DEPT.csv").read_text().splitlines()
check(company[0].startswith("Seg_Id0,Seg_Id1,SEGMENT-ID,"), f"CSV header: {company[0]}")
check(company[1].startswith("A_0_0,,1,"), f"CSV root row: {company[1]}")
check(dept[1].startswith("A_0_0,A_0_0_L1_1,2,"), f"CSV child row: {dept[1]}")

# 4. Nested rows (t17c).
NEST = ["--parent", "DEPT=COMPANY", "--parent", "CUSTOMER=COMPANY", "--parent", "EMPLOYEE=DEPT",
        "--parent", "OFFICE=DEPT", "--parent", "CONTACT=CUSTOMER", "--parent", "CONTRACT=CUSTOMER"]


def plain(value):
    """Cobrix's form: '_' keys, no nulls, Java-trimmed text, numbers as floats."""
    if isinstance(value, dict):
        return {k.replace("-", "_"): plain(v) for k, v in value.items()
                if v is not None and k not in ("File_Id", "Record_Id", "Record_Byte_Length")}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return java_trim(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def without_offices(row, offices):
    """Move every OFFICE array out of `row` into `offices` (a list of lists)."""
    if isinstance(row, dict):
        if "OFFICE" in row:
            offices.append(row.pop("OFFICE"))
        for v in row.values():
            without_offices(v, offices)
    elif isinstance(row, list):
        for v in row:
            without_offices(v, offices)
    return row


want17c = expected(T17 / "expected" / "test17c.txt")
nested = {}
for threads in ("1", "3"):
    log = TMP / f"t17c-{threads}.rej"
    summary = TMP / f"t17c-{threads}.json"
    r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT, *NEST,
             "--nest-children", "--on-error", "reject", "--reject-file", log, "--threads", threads],
            summary)
    check(r.returncode == 0, f"t17c runs: {r.stderr[-300:]}")
    nested[threads] = r.stdout
check(nested["1"] == nested["3"], "t17c: --threads 3 gives the same rows")
ours = rows_of(nested["1"])
rejected = rejected_numbers(Path(str(TMP / "t17c-1.rej") + ".errors.jsonl"))
check(len(ours) == len(want17c) == 50, f"t17c: 50 rows, one per root ({len(ours)})")
missing = 0
for i, (o, w) in enumerate(zip(ours, want17c)):
    ours_off, want_off = [], []
    o2, w2 = without_offices(plain(o), ours_off), without_offices(plain(w), want_off)
    check(o2 == w2, f"t17c row {i}: the tree matches Cobrix's (OFFICE aside)")
    for a, b in zip(ours_off, want_off):
        it = iter(b)
        check(all(x in it for x in a), f"t17c row {i}: our OFFICE rows are Cobrix's, in order")
        missing += len(b) - len(a)
check(missing == len(rejected), f"t17c: the OFFICE rows missing are the {len(rejected)} rejected")
s = json.loads((TMP / "t17c-1.json").read_text())
check(s["records_read"] == s["records_written"] + s["records_rejected"] == 951,
      "t17c: read = written + rejected")
# A bound on a root's group: an error naming the root record.
r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT, *NEST,
         "--nest-children", "--on-error", "skip", "--max-group-records", "20"])
check(r.returncode == 2 and "the group of root record 1 holds more than 20 records" in r.stderr,
      f"--max-group-records: {r.returncode} {r.stderr[-300:]}")
# A child before any parent: the file starts inside a group (skip the first COMPANY).
first = rdw_records(T17_DATA)[0]
r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT, *NEST,
         "--nest-children", "--on-error", "skip", "--skip-head", 4 + len(first)])
check(r.returncode == 0 and "no COMPANY record is open for this DEPT record" in r.stderr,
      f"a child before any parent is a bad record: {r.stderr[:300]}")
check(len(rows_of(r.stdout)) == 49, "and the other 49 groups are written")

# 5. Hostile input.
# Records before any root (the file starts inside a group): no ids until the first root.
first = rdw_records(T05_DATA)[0]
r = run([T05 / "test5_copybook.cob", "--input", T05_DATA, *VRL, "--skip-head", 4 + len(first),
         "--segment-field", "SEGMENT-ID", "--segment-id-level", "0=C", "--segment-id-level",
         "1=P", "--segment-id-prefix", "A", "--on-error", "skip"])
rows = rows_of(r.stdout)
check(r.returncode == 0 and java_trim(rows[0]["SEGMENT-ID"]) == "P" and not seg_ids(rows[0]),
      f"a P before any C has no ids: {rows[0] if rows else r.stderr}")
check(seg_ids(rows[1]) == {"Seg_Id0": "A_0_1"}, f"the first C after it is a root: {seg_ids(rows[1])}")
# Unknown segment values are counted and reported, and keep the last record's ids.
summary = TMP / "unknown.json"
r = run([T17 / "test17_hierarchical.cob", "--input", T17_DATA, *VRL, *T17_SELECT,
         "--segment-field", "SEGMENT-ID", "--segment-id-level", "0=1", "--segment-id-level",
         "1=2", "--on-error", "skip"], summary)
s = json.loads(summary.read_text())
check(s["unknown_segments"] == sum(1 for c in segs if c not in "12"),
      f"unknown segment values counted: {s['unknown_segments']}")
check("in no --segment-id-level" in r.stderr, f"and reported: {r.stderr}")
for args, words in (
        (["--segment-filter", "SIGNATUR=S9276511"], "--segment-filter SIGNATUR: no such field"),
        (["--segment-filter", "SIGNATURE"], "--segment-filter expects FIELD=V1[,V2...]"),
        (["--segment-filter", r"SIGNATURE=A\B"], "--segment-filter expects FIELD=V1[,V2...]"),
        (["--segment-field", "SIGNATURE", "--segment-id-level", "0=A,B",
          "--segment-id-level", "1=C,A"], "the id A is given twice"),
        (["--segment-field", "SIGNATURE", "--segment-id-level", "1=A"],
         "--segment-id-level 0 is missing"),
        (["--segment-id-level", "0=A"], "need --segment-field FIELD"),
        (["--segment-field", "SIGNATURE", "--segment-id-level", "x=A"],
         "--segment-id-level expects N=ID1[,ID2...]"),
        (["--nest-children", "--parent", "A=B", "--format", "csv"], "JSON Lines only"),
        (["--nest-children"], "--nest-children needs --parent"),
        (["--nest-children", "--parent", "A=B", "--key", "B=X"], "--key is not used with it")):
    r = run([T03 / "test3_copybook.cob", "--input", records[0], *args])
    check(r.returncode == 1 and words in r.stderr, f"{args}: exit 1 naming {words!r}: {r.returncode} {r.stderr}")

finish()
